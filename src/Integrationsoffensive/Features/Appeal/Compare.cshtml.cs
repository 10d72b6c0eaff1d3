using Integrationsoffensive.Content;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>
/// What changed between two versions, word by word. Both are chosen in the query string
/// (?von=…&amp;zu=…, a plain GET form); without them the two newest versions are compared.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class CompareModel(ContentStore store, MarkdownRenderer renderer) : PageModel, IPageMetadata
{
    [BindProperty(SupportsGet = true, Name = "von")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "zu")]
    public string? To { get; set; }

    public IReadOnlyList<AppealVersion> Versions { get; private set; } = [];

    public AppealVersion? Older { get; private set; }

    public AppealVersion? Newer { get; private set; }

    public IReadOnlyList<DiffPart> Parts { get; private set; } = [];

    public string PageTitle => Older is null || Newer is null ? "Fassungen vergleichen" : $"Fassung {Older.Version} und {Newer.Version} im Vergleich";

    public string? PageDescription => "Was sich zwischen zwei Fassungen des Aufrufs für eine Integrationsoffensive geändert hat, Wort für Wort.";

    public IActionResult OnGet()
    {
        Versions = AppealVersions.All(store);
        if (Versions.Count < 2)
        {
            return Page(); // nothing to compare: the page says so
        }

        Older = Versions.FirstOrDefault(v => v.Version == From) ?? Versions[1];
        Newer = Versions.FirstOrDefault(v => v.Version == To) ?? Versions[0];
        Parts = VersionDiff.Words(VersionDiff.PlainText(renderer, Older), VersionDiff.PlainText(renderer, Newer));
        return Page();
    }
}
