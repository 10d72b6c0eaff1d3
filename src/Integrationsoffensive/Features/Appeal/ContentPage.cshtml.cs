using Integrationsoffensive.Content;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>A static page from content/seiten/{slug}.md, such as /impressum or /datenschutz.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class ContentPageModel(ContentStore store) : PageModel, IPageMetadata
{
    public ContentDocument<PageFrontMatter> Document { get; private set; } = null!;

    public string PageTitle => Document.FrontMatter.Title;

    public string? PageDescription => Document.FrontMatter.Description;

    public IActionResult OnGet(string slug)
    {
        // The route allows only [a-z0-9-], so the slug cannot leave the pages folder.
        var document = store.Document<PageFrontMatter>(Path.Combine(ContentStore.PagesFolder, slug + ".md"));
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }
}
