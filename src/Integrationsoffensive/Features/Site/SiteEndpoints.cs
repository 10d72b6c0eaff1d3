using System.Text;
using System.Xml.Linq;
using Integrationsoffensive.Content;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Site;

/// <summary>The machine-facing endpoints: health checks, robots.txt and the sitemap.</summary>
public static class SiteEndpoints
{
    /// <summary>Public pages with a fixed address; static pages from content/seiten are added to these.</summary>
    public static readonly string[] PublicPaths = ["/", "/unterzeichnende", "/mitzeichnen", "/einbetten"];

    public static void MapSiteEndpoints(this WebApplication app)
    {
        // Liveness runs no checks: the process answers. Readiness checks the database.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapGet("/robots.txt", (IOptions<SiteOptions> site) => Results.Text(RobotsTxt(site.Value), "text/plain", Encoding.UTF8));
        app.MapGet("/sitemap.xml", (IOptions<SiteOptions> site, ContentStore store) =>
            Results.Text(Sitemap(site.Value, store), "application/xml", Encoding.UTF8));
    }

    internal static string RobotsTxt(SiteOptions site) =>
        $"""
        User-agent: *
        Disallow: /moderation/
        Disallow: /konto/
        Disallow: /mitzeichnen/bestaetigen/
        Disallow: /mitzeichnen/zurueckziehen/
        Disallow: /fehler/

        Sitemap: {site.AbsoluteUrl("/sitemap.xml")}

        """;

    internal static string Sitemap(SiteOptions site, ContentStore store)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var pages = store.DocumentsIn(ContentStore.PagesFolder)
            .Select(path => "/" + Path.GetFileNameWithoutExtension(path));
        var urlset = new XElement(ns + "urlset",
            PublicPaths.Concat(pages).Select(path => new XElement(ns + "url", new XElement(ns + "loc", site.AbsoluteUrl(path)))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), urlset).Declaration + "\n" + urlset;
    }
}
