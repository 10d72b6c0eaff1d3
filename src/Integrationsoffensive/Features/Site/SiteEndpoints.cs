using System.Text;
using System.Xml.Linq;
using Integrationsoffensive.Content;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Site;

/// <summary>The machine-facing endpoints: health checks, robots.txt and the sitemap.</summary>
public static class SiteEndpoints
{
    public const string SitemapRoute = "Site.Sitemap";

    /// <summary>Public pages with a fixed address; static pages from content/seiten are added to these.</summary>
    public static readonly string[] PublicPages = ["/Appeal/Index", "/Signatories/List", "/Signing/Apply", "/Signatories/Embed", "/Appeal/Versions", "/Handover/Index"];

    public static void MapSiteEndpoints(this WebApplication app)
    {
        // Liveness runs no checks: the process answers. Readiness checks the database.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapMethods("/robots.txt", FileMethods.GetAndHead, (SiteLinks links) => Results.Text(RobotsTxt(links), "text/plain", Encoding.UTF8));
        app.MapMethods("/sitemap.xml", FileMethods.GetAndHead, (SiteLinks links, ContentStore store) =>
            Results.Text(Sitemap(links, store), "application/xml", Encoding.UTF8)).WithName(SitemapRoute);
    }

    // Path prefixes of whole areas (moderation, accounts, token links, errors) that no crawler should visit.
    internal static string RobotsTxt(SiteLinks links) =>
        $"""
        User-agent: *
        Disallow: /moderation/
        Disallow: /konto/
        Disallow: /mitzeichnen/bestaetigen/
        Disallow: /mitzeichnen/zurueckziehen/
        Disallow: /fehler/

        Sitemap: {links.Route(SitemapRoute)}

        """;

    internal static string Sitemap(SiteLinks links, ContentStore store)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var staticPages = store.DocumentsIn(ContentStore.PagesFolder)
            .Select(path => links.Page("/Appeal/ContentPage", new { slug = Path.GetFileNameWithoutExtension(path) }))
            .Concat(AppealLanguages.All(store).Select(language => links.Page("/Appeal/Translation", new { sprache = language.Route })));
        var urlset = new XElement(ns + "urlset",
            PublicPages.Select(page => links.Page(page)).Concat(staticPages).Select(url => new XElement(ns + "url", new XElement(ns + "loc", url))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), urlset).Declaration + "\n" + urlset;
    }
}
