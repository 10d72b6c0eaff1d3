using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>
/// /einbetten: how partner sites, newsletters and flyers show the campaign: the counter as a box
/// (iframe), as SVG or PNG badge, and the QR code to the appeal, with snippets to copy. Cached with
/// the public pages: the badge's width in the snippets follows the count.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class EmbedModel(SiteLinks links, AppDbContext db, ContentStore content) : PageModel, IPageMetadata
{
    public const string BadgeAlt = "Aufruf für eine Integrationsoffensive: Zahl der unterzeichnenden Organisationen";

    public string PageTitle => "Zähler und QR-Code einbetten";

    public string? PageDescription => "So zeigen Partnerseiten, Newsletter und Flyer, wie viele Organisationen den Aufruf unterzeichnet haben.";

    public CounterBadge Badge { get; private set; } = new(0);

    public async Task OnGetAsync() => Badge = new CounterBadge(await Counter.CountAsync(db, content));

    public string AppealUrl => links.Page("/Appeal/Index");

    public string IframeSnippet =>
        $"<iframe src=\"{links.Page("/Signatories/CounterPage")}\" title=\"Zähler: Aufruf für eine Integrationsoffensive\" width=\"320\" height=\"120\" style=\"border:0\" loading=\"lazy\"></iframe>";

    public string SvgSnippet => ImageSnippet(Counter.SvgRoute);

    public string PngSnippet => ImageSnippet(Counter.PngRoute);

    private string ImageSnippet(string route) =>
        $"<a href=\"{AppealUrl}\"><img src=\"{links.Route(route)}\" alt=\"{BadgeAlt}\" width=\"{Badge.Width}\" height=\"{CounterBadge.Height}\"></a>";
}
