using System.Globalization;
using System.Net;
using System.Text;
using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>
/// The embeddable counter: /zaehler, a tiny HTML page for an iframe (the only page other sites may
/// frame), and /zaehler.svg, a badge for an img tag. Neither needs script nor sets a cookie.
/// </summary>
public static class Counter
{
    public const string SvgRoute = "Counter.Svg";

    public static Task<int> CountAsync(AppDbContext db, ContentStore content) =>
        PublishedSignatories.CountAsync(db, AppealContent.Founders(content));

    public static void MapCounter(this WebApplication app)
    {
        app.MapGet("/zaehler.svg", async (AppDbContext db, ContentStore content) =>
            Results.Text(Badge(await CountAsync(db, content)), "image/svg+xml", Encoding.UTF8)).CacheOutput(PublicCache.Policy).WithName(SvgRoute);
    }

    internal static string Badge(int count)
    {
        var number = count.ToString("N0", CultureInfo.GetCultureInfo("de-DE"));
        var label = WebUtility.HtmlEncode("Aufruf für eine Integrationsoffensive");
        var text = WebUtility.HtmlEncode($"{number} Organisationen haben unterzeichnet");
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="320" height="64" viewBox="0 0 320 64" role="img" aria-label="{label}: {text}">
              <title>{label}: {text}</title>
              <rect width="320" height="64" rx="6" fill="#8a1538"/>
              <text x="16" y="26" fill="#ffffff" font-family="system-ui, sans-serif" font-size="13">{label}</text>
              <text x="16" y="48" fill="#ffffff" font-family="system-ui, sans-serif" font-size="17" font-weight="700">{text}</text>
            </svg>
            """;
    }
}
