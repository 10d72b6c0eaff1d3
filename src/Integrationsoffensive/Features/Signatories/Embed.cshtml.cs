using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>/einbetten: how partner sites show the counter, with snippets to copy.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class EmbedModel(SiteLinks links) : PageModel, IPageMetadata
{
    public string PageTitle => "Zähler einbetten";

    public string? PageDescription => "So zeigen Partnerseiten an, wie viele Organisationen den Aufruf unterzeichnet haben.";

    public string IframeSnippet =>
        $"<iframe src=\"{links.Page("/Signatories/CounterPage")}\" title=\"Zähler: Aufruf für eine Integrationsoffensive\" width=\"320\" height=\"120\" style=\"border:0\" loading=\"lazy\"></iframe>";

    public string ImageSnippet =>
        $"<a href=\"{links.Page("/Appeal/Index")}\"><img src=\"{links.Route(Counter.SvgRoute)}\" alt=\"Aufruf für eine Integrationsoffensive: Zahl der unterzeichnenden Organisationen\" width=\"320\" height=\"64\"></a>";
}
