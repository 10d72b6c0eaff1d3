using Integrationsoffensive.Content;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>One version of the appeal's text, in full, as it was signed.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class VersionModel(ContentStore store, MarkdownRenderer renderer) : PageModel, IPageMetadata
{
    public AppealVersion Version { get; private set; } = null!;

    /// <summary>The version before this one, to compare with; null for the first.</summary>
    public AppealVersion? Previous { get; private set; }

    public string Html { get; private set; } = "";

    public string PageTitle => $"Fassung {Version.Version} des Aufrufs";

    public IActionResult OnGet(string fassung)
    {
        var versions = AppealVersions.All(store);
        var index = versions.ToList().FindIndex(v => v.Version == fassung);
        if (index < 0)
        {
            return NotFound();
        }

        Version = versions[index];
        Previous = index + 1 < versions.Count ? versions[index + 1] : null;
        Html = renderer.RenderFragment(Version.Markdown);
        return Page();
    }
}
