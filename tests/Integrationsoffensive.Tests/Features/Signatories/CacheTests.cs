using System.Net;
using System.Net.Http.Headers;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Signatories;

/// <summary>Public pages come from the cache, yet the next request after a change shows it.</summary>
public sealed class CacheTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/unterzeichnende")]
    [InlineData("/unterzeichnende.json")]
    [InlineData("/feed.atom")]
    [InlineData("/zaehler.svg")]
    [InlineData("/impressum")]
    public async Task PublicPages_AreServedFromTheCache(string path)
    {
        var client = _site.CreatePlainClient();
        await client.GetAsync(path);

        var second = await client.GetAsync(path);

        Assert.NotNull(second.Headers.Age);
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/unterzeichnende.json", null)]
    [InlineData("/unterzeichnende.json", "br")]
    public async Task ManyAtOnce_OnAColdCache_OneRender_EveryoneGetsTheWholeAnswer(string path, string? encoding)
    {
        // 32 readers at once before anything is cached: one of them renders (the streamed export
        // included), the others wait for that render and get the same bytes from the cache.
        var client = _site.CreatePlainClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (encoding is not null)
            {
                request.Headers.AcceptEncoding.ParseAdd(encoding);
            }

            using var response = await client.SendAsync(request);
            return (response.StatusCode, Rendered: response.Headers.Age is null, Body: await response.Content.ReadAsByteArrayAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(answers, a => a.Rendered);
        Assert.All(answers, a => Assert.Equal(answers[0].Body, a.Body));
        if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            var text = encoding is null ? answers[0].Body : Brotli(answers[0].Body);
            using var json = System.Text.Json.JsonDocument.Parse(text);
            Assert.Equal(json.RootElement.GetProperty("anzahl").GetInt32(), json.RootElement.GetProperty("unterzeichnende").GetArrayLength());
        }
    }

    private static byte[] Brotli(byte[] compressed)
    {
        using var output = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress))
        {
            brotli.CopyTo(output);
        }

        return output.ToArray();
    }

    [Fact]
    public async Task FormPages_AreNeverCached_AndGetAFreshToken()
    {
        var (first, a) = await _site.CreatePlainClient().GetPageAsync("/mitzeichnen");
        var (second, b) = await _site.CreatePlainClient().GetPageAsync("/mitzeichnen");

        Assert.Null(second.Headers.Age);
        Assert.NotEqual(
            a.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"),
            b.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Publish_ThenUnpublish_ShowsOnTheVeryNextRequest()
    {
        var client = _site.CreatePlainClient();
        var application = await _site.ConfirmedAsync(Applications.Details(name: "Neu im Cache e. V."));
        Assert.DoesNotContain("Neu im Cache", await client.GetStringAsync("/unterzeichnende"));
        Assert.DoesNotContain("Neu im Cache", await client.GetStringAsync("/feed.atom"));

        await Change(application.Id, a => a.Publish("moderation@aufruf.example", _site.Clock.GetUtcNow().UtcDateTime));
        Assert.Contains("Neu im Cache", await client.GetStringAsync("/unterzeichnende"));
        Assert.Contains("Neu im Cache", await client.GetStringAsync("/feed.atom"));
        Assert.Contains("12 Organisationen", await client.GetStringAsync("/zaehler.svg"));

        await Change(application.Id, a => a.Unpublish("moderation@aufruf.example", null, _site.Clock.GetUtcNow().UtcDateTime));
        Assert.DoesNotContain("Neu im Cache", await client.GetStringAsync("/unterzeichnende"));
        Assert.DoesNotContain("Neu im Cache", await client.GetStringAsync("/feed.atom"));
        Assert.Contains("11 Organisationen", await client.GetStringAsync("/zaehler.svg"));
    }

    [Fact]
    public async Task EditingContent_ShowsAtOnce_EvenWhenCached()
    {
        var client = _site.CreatePlainClient();
        await client.GetAsync("/impressum");
        await client.GetAsync("/impressum");

        _site.WriteContent("seiten/impressum.md", "---\ntitle: Impressum neu\n---\n\nNeu.\n");

        // As soon as the file system reports the edit, at the latest after ContentStore.VersionMaxAge.
        await Eventually.WaitForAsync(async () => (await client.GetPageAsync("/impressum")).Document.QuerySelector("h1")!.Text(),
            title => title == "Impressum neu", title => "still " + title, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("/unterzeichnende")]
    [InlineData("/unterzeichnende.csv")]
    [InlineData("/unterzeichnende.json")]
    [InlineData("/feed.atom")]
    public async Task ConditionalRequests_Get304_UntilTheListChanges(string path)
    {
        var client = _site.CreatePlainClient();
        var first = await client.GetAsync(path);
        var etag = first.Headers.ETag!;

        var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        await _site.PublishedAsync(Applications.Details(name: "Ändert das ETag"));
        var after = new HttpRequestMessage(HttpMethod.Get, path);
        after.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task TheEntityTag_Changes_WhenACoSignerLeavesTheList_AtTheSameMoment()
    {
        await _site.PublishedAsync(Applications.Details(name: "Bleibt auf der Liste"));
        var application = await _site.PublishedAsync(Applications.Details(name: "Verlässt die Liste"));
        var client = _site.CreatePlainClient();
        var etag = (await client.GetAsync("/unterzeichnende")).Headers.ETag!;

        // The clock stands still: the latest change's time stays the same (the other co-signer's),
        // only the count tells.
        await Change(application.Id, a => a.Unpublish("moderation@aufruf.example", null, _site.Clock.GetUtcNow().UtcDateTime));
        var after = new HttpRequestMessage(HttpMethod.Get, "/unterzeichnende");
        after.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(after);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.DoesNotContain("Verlässt die Liste", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeSavedInATransaction_EmptiesTheCacheWhenCommitted_NotBefore()
    {
        // A withdrawal saves inside a transaction (its mails are deleted with it). A reader between
        // the save and the commit still sees the organization (the change is not committed yet);
        // the page rendered for that reader must not outlive the commit.
        var client = _site.CreatePlainClient();
        var application = await _site.PublishedAsync(Applications.Details(name: "Zieht Zurück e. V.", email: "zurueck@beispiel.example"));
        Assert.Contains("Zieht Zurück", await client.GetStringAsync("/unterzeichnende"));

        var between = await _site.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True((await db.Applications.SingleAsync(a => a.Id == application.Id)).Withdraw(_site.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            var page = await client.GetStringAsync("/unterzeichnende");
            await transaction.CommitAsync();
            return page;
        });

        Assert.Contains("Zieht Zurück", between);
        Assert.DoesNotContain("Zieht Zurück", await client.GetStringAsync("/unterzeichnende"));
    }

    private Task Change(int id, Action<Application> change) => _site.WithDbAsync(async db =>
    {
        change(await db.Applications.SingleAsync(a => a.Id == id));
        await db.SaveChangesAsync();
    });
}

public sealed class CounterTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task CounterPage_MayBeFramedByOtherSites_OtherPagesMayNot()
    {
        var counter = await site.CreatePlainClient().GetAsync("/zaehler");
        var home = await site.CreatePlainClient().GetAsync("/");

        Assert.Contains("frame-ancestors *", string.Join(";", counter.Headers.GetValues("Content-Security-Policy")));
        Assert.False(counter.Headers.Contains("X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", string.Join(";", home.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", home.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(counter.Headers.Contains("Set-Cookie"));
        var page = await counter.ReadDocumentAsync();
        Assert.Equal("11", page.QuerySelector(".counter__number")!.Text());
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task Badge_IsAnSvgWithTheCountAsText()
    {
        var response = await site.CreatePlainClient().GetAsync("/zaehler.svg");
        var svg = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("11 Organisationen haben unterzeichnet", svg.Root!.Attribute("aria-label")!.Value);
    }

    [Fact]
    public async Task EmbedPage_ExplainsBothWithCopyableSnippets()
    {
        var (_, page) = await site.CreatePlainClient().GetPageAsync("/einbetten");

        var snippets = page.QuerySelectorAll("pre.snippet code").Select(c => c.TextContent).ToList();
        Assert.Contains(snippets, s => s.StartsWith("<iframe src=\"https://aufruf.example/zaehler\"", StringComparison.Ordinal));
        Assert.Contains(snippets, s => s.Contains("<img src=\"https://aufruf.example/zaehler.svg\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_ShowsTheCount_AndLinksToTheList()
    {
        var (_, page) = await site.CreatePlainClient().GetPageAsync("/");

        var count = page.QuerySelector(".signatory-count a")!;
        Assert.Equal("11 Organisationen haben unterzeichnet", count.Text());
        Assert.Equal("11", count.QuerySelector(".signatory-count__number")!.Text());
        Assert.Equal("/unterzeichnende", count.GetAttribute("href"));
    }
}
