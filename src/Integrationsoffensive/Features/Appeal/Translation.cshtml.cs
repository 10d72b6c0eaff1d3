using Integrationsoffensive.Content;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>
/// The appeal in another language (/en, /leichte-sprache, …) from its folder in content/: the same
/// parts as the German page, in the language's own direction, with a note that the German text is
/// the one signed.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class TranslationModel(ContentStore store) : PageModel, IPageMetadata
{
    public AppealLanguage Language { get; private set; } = null!;

    public AppealContent Appeal { get; private set; } = null!;

    public string PageTitle => Appeal.Title;

    public string? PageDescription => Appeal.Description;

    string IPageMetadata.Language => Language.Code;

    string IPageMetadata.Direction => Language.Direction;

    bool IPageMetadata.IsAppealInSomeLanguage => true;

    public IActionResult OnGet(string sprache)
    {
        var language = AppealLanguages.Find(store, sprache);
        var appeal = language is null ? null : AppealContent.Load(store, language.Folder);
        if (language is null || appeal is null)
        {
            return NotFound();
        }

        Language = language;
        Appeal = appeal;
        return Page();
    }
}
