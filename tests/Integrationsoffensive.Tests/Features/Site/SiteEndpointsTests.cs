using System.Net;
using System.Xml.Linq;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Site;

public sealed class SiteEndpointsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Get_Healthz_AnswersHealthy()
    {
        var response = await site.CreatePlainClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_HealthzReady_AnswersHealthy_WhenTheDatabaseIsMigrated()
    {
        var response = await site.CreatePlainClient().GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        if (site.PostgresDatabase is null)
        {
            Assert.True(File.Exists(Path.Combine(site.DataPath, "integrationsoffensive.db")), "The database lives in the data directory.");
        }
    }

    /// <summary>
    /// Uptime monitors, link checkers and feed readers ask with HEAD first; the files answer it as
    /// they answer GET (HTTP requires it), not with 404 as if the open data were gone.
    /// </summary>
    [Theory]
    [InlineData("/unterzeichnende.csv")]
    [InlineData("/unterzeichnende.json")]
    [InlineData("/feed.atom")]
    [InlineData("/zaehler.svg")]
    [InlineData("/zaehler.png")]
    [InlineData("/qr-code.svg")]
    [InlineData("/qr-code.png")]
    [InlineData("/uebergabe.pdf")]
    [InlineData("/robots.txt")]
    [InlineData("/sitemap.xml")]
    [InlineData("/vorschaubild.png")]
    public async Task Head_OnEveryFile_AnswersAsGetDoes(string path)
    {
        var client = site.CreatePlainClient();

        var get = await client.GetAsync(path);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType!.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_RobotsTxt_KeepsCrawlersOutOfPrivateAreas_AndNamesTheSitemap()
    {
        var response = await site.CreatePlainClient().GetAsync("/robots.txt");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Disallow: /moderation/", text);
        Assert.Contains("Disallow: /mitzeichnen/bestaetigen/", text);
        Assert.Contains($"Sitemap: {SiteFactory.PublicBaseUrl}/sitemap.xml", text);
    }

    [Fact]
    public async Task Get_Sitemap_ListsThePublicPagesAsAbsoluteUrls()
    {
        var response = await site.CreatePlainClient().GetAsync("/sitemap.xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = xml.Descendants(ns + "loc").Select(e => e.Value).ToList();
        Assert.Contains(SiteFactory.PublicBaseUrl + "/", locations);
        Assert.Contains(SiteFactory.PublicBaseUrl + "/impressum", locations);
        Assert.Contains(SiteFactory.PublicBaseUrl + "/en", locations);
        Assert.Contains(SiteFactory.PublicBaseUrl + "/ar", locations);
        Assert.Contains(SiteFactory.PublicBaseUrl + "/aufruf/fassungen", locations);
        Assert.Contains(SiteFactory.PublicBaseUrl + "/uebergabe", locations);
        Assert.Contains(SiteFactory.PublicBaseUrl + "/datenschutz", locations);
        Assert.Contains(SiteFactory.PublicBaseUrl + "/barrierefreiheit", locations);
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Get_Favicon_IsServed(string path, string contentType)
    {
        var response = await site.CreatePlainClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Get_Stylesheet_IsFingerprinted()
    {
        var (_, document) = await site.CreatePlainClient().GetPageAsync("/");
        var href = document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);
        var response = await site.CreatePlainClient().GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("gzip")] // a build has gzip variants; brotli is added when publishing (checked in the closing note)
    public async Task Get_Stylesheet_Compressed_HasItsTypeAndContent(string encoding)
    {
        var client = site.CreatePlainClient();
        var (_, document) = await client.GetPageAsync("/");
        var request = new HttpRequestMessage(HttpMethod.Get, document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        var response = await client.SendAsync(request);

        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 500);
    }
}

[Trait("Database", "Sqlite")] // breaks the SQLite file
public sealed class ReadinessTests : IDisposable
{
    // No periodic jobs writing meanwhile, and the log copied back first: otherwise the background
    // checkpoint could write the log's pages into the broken file and make it whole again.
    private readonly SiteFactory _site = new() { JobsOnlyWhenAsked = true };

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Get_HealthzReady_Answers503_WhenTheDatabaseIsUnusable()
    {
        var client = _site.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        var database = Path.Combine(_site.DataPath, "integrationsoffensive.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        File.WriteAllText(database, new string('x', 4096));

        var response = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
