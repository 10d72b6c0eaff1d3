using System.Text;
using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using QRCoder;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>
/// The embeddable counter: /zaehler, a tiny HTML page for an iframe (the only page other sites may
/// frame), /zaehler.svg and /zaehler.png, badges for an img tag; and the QR code to the appeal for
/// flyers and posters. None needs script or sets a cookie; those that show the count are evicted with
/// the public pages.
/// </summary>
public static class Counter
{
    public const string SvgRoute = "Counter.Svg";
    public const string PngRoute = "Counter.Png";
    public const string QrSvgRoute = "Counter.QrSvg";
    public const string QrPngRoute = "Counter.QrPng";

    public static Task<int> CountAsync(AppDbContext db, ContentStore content) =>
        PublishedSignatories.CountAsync(db, AppealContent.Founders(content));

    public static void MapCounter(this WebApplication app)
    {
        app.MapMethods("/zaehler.svg", FileMethods.GetAndHead, async (AppDbContext db, ContentStore content) =>
            Results.Text(new CounterBadge(await CountAsync(db, content)).Svg(), "image/svg+xml", Encoding.UTF8)).CacheOutput(PublicCache.Policy).WithName(SvgRoute);

        app.MapMethods("/zaehler.png", FileMethods.GetAndHead, async (AppDbContext db, ContentStore content, HttpContext http) =>
        {
            var count = await CountAsync(db, content);
            return CampaignImages.PngAnswer(http.Response, count, new CounterBadge(count).Png());
        }).CacheOutput(PublicCache.Policy).WithName(PngRoute);

        app.MapMethods("/qr-code.svg", FileMethods.GetAndHead, (SiteLinks links) =>
        {
            using var data = QrData(links);
            return Results.Text(new SvgQRCode(data).GetGraphic(8), "image/svg+xml", Encoding.UTF8);
        }).CacheOutput(PublicCache.Policy).WithName(QrSvgRoute);

        app.MapMethods("/qr-code.png", FileMethods.GetAndHead, (SiteLinks links) =>
        {
            using var data = QrData(links);
            return Results.File(new PngByteQRCode(data).GetGraphic(20), "image/png");
        }).CacheOutput(PublicCache.Policy).WithName(QrPngRoute);
    }

    // The appeal's public address; error correction Q survives a folded or slightly dirty flyer.
    private static QRCodeData QrData(SiteLinks links) =>
        QRCodeGenerator.GenerateQrCode(links.Page("/Appeal/Index"), QRCodeGenerator.ECCLevel.Q);
}
