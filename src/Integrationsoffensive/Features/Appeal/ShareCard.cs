using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>
/// The picture a shared link shows (og:image, twitter:image): 1200 × 630 px with the appeal's title
/// and the current count, drawn on the server. It is output-cached with the public pages' tag, so
/// an approval or withdrawal evicts it and the next request draws the new count.
/// </summary>
public static class ShareCard
{
    private const int Width = SharePreview.Width;
    private const int Height = SharePreview.Height;

    public static void MapShareCard(this WebApplication app) =>
        app.MapMethods("/vorschaubild.png", FileMethods.GetAndHead, async (AppDbContext db, ContentStore content, IOptions<SiteOptions> site, HttpContext http) =>
        {
            var founders = AppealContent.Founders(content);
            var count = await PublishedSignatories.CountAsync(db, founders);
            var title = AppealContent.Load(content)?.Title ?? site.Value.Name;
            return CampaignImages.PngAnswer(http.Response, count, Draw(title, count, site.Value.BaseUri.Host));
        }).CacheOutput(PublicCache.Policy).WithName(SharePreview.Route);

    internal static byte[] Draw(string title, int count, string host) => CampaignImages.Png(Width, Height, count, canvas =>
    {
        const float margin = 72;
        canvas.Clear(CampaignImages.Accent);
        using (var band = new SKPaint { Color = CampaignImages.Highlight })
        {
            canvas.DrawRect(0, 0, Width, 16, band);
        }

        CampaignImages.DrawText(canvas, "OFFENER AUFRUF AN DIE HESSISCHE LANDESREGIERUNG", margin, 104, 28, SKColors.White.WithAlpha(220));
        var y = 196f;
        foreach (var line in CampaignImages.Wrap(title, 76, Width - 2 * margin).Take(3))
        {
            CampaignImages.DrawText(canvas, line, margin, y, 76, SKColors.White);
            y += 88;
        }

        var number = CountText.Number(count);
        CampaignImages.DrawText(canvas, number, margin, 500, 132, CampaignImages.Highlight);
        var after = margin + CampaignImages.Measure(number, 132) + 28;
        CampaignImages.DrawText(canvas, "Organisationen", after, 446, 40, SKColors.White);
        CampaignImages.DrawText(canvas, "haben unterzeichnet", after, 496, 40, SKColors.White);
        using (var rule = new SKPaint { Color = SKColors.White.WithAlpha(90) })
        {
            canvas.DrawRect(margin, 540, Width - 2 * margin, 2, rule);
        }

        CampaignImages.DrawText(canvas, "Jetzt mitzeichnen: " + host, margin, 590, 30, SKColors.White);
    });
}
