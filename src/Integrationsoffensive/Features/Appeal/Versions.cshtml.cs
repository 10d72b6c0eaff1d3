using Integrationsoffensive.Content;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>Every version of the appeal's text with its date, the current one first.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class VersionsModel(ContentStore store) : PageModel, IPageMetadata
{
    public IReadOnlyList<AppealVersion> Versions { get; private set; } = [];

    public string PageTitle => "Fassungen des Aufrufs";

    public string? PageDescription => "Jede Fassung des Aufrufs für eine Integrationsoffensive mit ihrem Datum, und was sich zwischen zwei Fassungen geändert hat.";

    public void OnGet() => Versions = AppealVersions.All(store);
}
