using System.Net;
using System.Net.Http.Headers;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Hosting;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// The pages asked for most, answered at the front of the pipeline as the output cache last
/// answered them: the same bytes and headers, and never after a change the cache would not show.
/// </summary>
public sealed class HotPagesTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private HotPages Hot => _site.Services.GetRequiredService<HotPages>();

    private static async Task<(HttpResponseMessage Response, byte[] Body)> Get(HttpClient client, string path, string? encoding = null, Action<HttpRequestMessage>? with = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(encoding);
        }

        with?.Invoke(request);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task PublishAsync(string name)
    {
        _site.Clock.Advance(TimeSpan.FromSeconds(1));
        await _site.PublishedAsync(new ApplicationDetails(new PublicFields(name, "sonstige", "Kassel", "kassel-stadt", null, null), "Anna Beispiel", $"{Guid.NewGuid():N}@beispiel.example", "0641 1"));
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/", "br")]
    [InlineData("/unterzeichnende", "gzip")]
    [InlineData("/unterzeichnende", "br, gzip")]
    [InlineData("/unterzeichnende.json", null)]
    public async Task AKeptPage_IsTheOutputCachesAnswer_ByteForByte_WithItsHeaders(string path, string? encoding)
    {
        var client = _site.CreatePlainClient();
        await Get(client, path, encoding); // rendered, and kept

        var before = Hot.Answered;
        var (kept, keptBody) = await Get(client, path, encoding);
        Assert.Equal(before + 1, Hot.Answered);
        // The same page with a query the page ignores: the output cache answers it, not the kept page.
        var (cached, cachedBody) = await Get(client, path + "?von=presse", encoding);
        Assert.Equal(before + 1, Hot.Answered);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.NotNull(cached.Headers.Age);
        Assert.NotNull(kept.Headers.Age);
        Assert.Equal(cachedBody, keptBody);
        Assert.Equal(Headers(cached), Headers(kept));
        Assert.Equal(keptBody.Length, kept.Content.Headers.ContentLength);
        Assert.Contains("frame-ancestors", kept.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(["Accept-Encoding"], kept.Headers.Vary);
    }

    // Every header but the age, which moves with the clock.
    private static List<string> Headers(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Age")
            .Select(h => h.Key + ": " + string.Join(", ", h.Value))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public async Task AfterAnApproval_TheNextReaderSeesTheNewCoSigner_NotTheKeptPage()
    {
        var client = _site.CreatePlainClient();
        await Get(client, "/unterzeichnende");
        await Get(client, "/");
        var before = Hot.Answered;
        await Get(client, "/unterzeichnende");
        await Get(client, "/");
        Assert.Equal(before + 2, Hot.Answered); // kept, and given

        await PublishAsync("Willkommensnetz Nordhessen");

        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/unterzeichnende");
        Assert.Contains("Willkommensnetz Nordhessen", page.QuerySelectorAll(".signatory__name").Select(e => e.TextContent));
        var (_, home) = await _site.CreatePlainClient().GetPageAsync("/");
        Assert.Equal("12", home.QuerySelector(".signatory-count__number")!.TextContent); // the eleven founders and the new one
    }

    [Fact]
    public async Task ReadersInParallelWithApprovals_AfterTheLast_EveryReaderSeesEveryCoSigner()
    {
        // Readers on the kept pages while co-signers are published one by one: no failed answer
        // meanwhile, the kept pages really answered, and afterwards no reader gets a page from before.
        await Get(_site.CreatePlainClient(), "/"); // the site is up before the readers come
        using var readers = new ParallelReaders(_site, 16, (reader, n) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, (reader + n) % 2 == 0 ? "/unterzeichnende" : "/");
            if (reader % 3 != 0)
            {
                request.Headers.AcceptEncoding.ParseAdd("br");
            }

            return request;
        });
        var names = new[] { "Brückenbauer Hessen", "Quartiershilfe Kassel", "Zuflucht Marburg", "Ökumenischer Kreis Hanau", "Jugendhilfe Gießen" };
        foreach (var name in names)
        {
            await readers.WaitForReadsAsync(64);
            await PublishAsync(name);
        }

        var answeredBeforeTheEnd = Hot.Answered;
        await readers.WaitForReadsAsync(64);
        Assert.Empty(await readers.StopAsync());
        Assert.True(answeredBeforeTheEnd > 0, "no reader was answered from a kept page");

        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(async n =>
            (await _site.CreatePlainClient().GetPageAsync(n % 2 == 0 ? "/unterzeichnende" : "/")).Document));
        Assert.All(answers.Where((_, n) => n % 2 == 0), page =>
            Assert.Superset(names.ToHashSet(), page.QuerySelectorAll(".signatory__name").Select(e => e.TextContent).ToHashSet()));
        Assert.All(answers.Where((_, n) => n % 2 == 1), page => Assert.Equal("16", page.QuerySelector(".signatory-count__number")!.TextContent));
    }

    [Fact]
    public async Task ConditionalRequests_HeadAndQueries_GoToTheOutputCache()
    {
        var client = _site.CreatePlainClient();
        var (first, _) = await Get(client, "/unterzeichnende");
        await Get(client, "/unterzeichnende");
        var before = Hot.Answered;

        var (notModified, _) = await Get(client, "/unterzeichnende", with: r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/unterzeichnende"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        var (second, _) = await Get(client, "/unterzeichnende?seite=1");
        Assert.NotEqual(HttpStatusCode.InternalServerError, second.StatusCode);
        var (withCredentials, _) = await Get(client, "/unterzeichnende", with: r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", "YTpi"));
        Assert.Equal(HttpStatusCode.OK, withCredentials.StatusCode);

        Assert.Equal(before, Hot.Answered);
    }

    [Fact]
    public async Task AKeptPage_IsNotGivenLongerThanTheOutputCacheKeepsIt_ThenKeptAnewFromTheCache()
    {
        var client = _site.CreatePlainClient();
        await Get(client, "/");
        await Get(client, "/");
        var before = Hot.Answered;

        _site.Clock.Advance(PublicCache.Lifetime);
        var (response, _) = await Get(client, "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, Hot.Answered);

        // That answer came from the output cache (it keeps its own time) and was kept anew.
        Assert.NotNull(response.Headers.Age);
        await Get(client, "/");
        Assert.Equal(before + 1, Hot.Answered);
    }

    [Fact]
    public async Task ManyDistinctPages_KeepAtMostTheBound()
    {
        // Paths a client makes up cannot grow the kept pages: at most MaxEntries, then it starts over.
        var hot = Hot;
        for (var i = 0; i < HotPages.MaxEntries * 3; i++)
        {
            await TakeAsync(hot, $"/seite-{i}");
            Assert.InRange(hot.Count, 1, HotPages.MaxEntries);
        }
    }

    [Fact]
    public async Task AnAnswer_TheOutputCacheWouldNotGiveToAnyone_IsNotKept()
    {
        var hot = Hot;
        Assert.True(await TakeAsync(hot, "/geteilt"));
        Assert.True(await AnsweredAsync(hot, "/geteilt")); // the control: kept and given

        Assert.False(await TakeAsync(hot, "/ohne-cache", shareable: false));
        Assert.False(await TakeAsync(hot, "/mit-cookie", response => response.Headers.SetCookie = "a=b"));
        Assert.False(await TakeAsync(hot, "/fehler", response => response.StatusCode = StatusCodes.Status503ServiceUnavailable));
        Assert.False(await TakeAsync(hot, "/gross", body: HotPages.MaxBodyBytes + 1));
        Assert.False(await TakeAsync(hot, "/geraeumt", during: hot.Evicted)); // an approval while it was answered
        Assert.False(await TakeAsync(hot, "/unterzeichnende/")); // the same page as without the slash
    }

    [Fact]
    public async Task AStoredAnswer_ThatMayBeOlderThanTheLastEviction_IsNotKept()
    {
        // A lookup begun before an eviction may hand the evicted answer (it says its age) to a request
        // that began after it; a fresh render says no age and is kept.
        var hot = Hot;
        hot.Evicted();

        Assert.False(await TakeAsync(hot, "/vor-der-freigabe", response => response.Headers.Age = "3"));
        Assert.True(await TakeAsync(hot, "/neu-erzeugt"));
    }

    [Fact]
    public async Task AStoredAnswer_IsKeptOnlyForWhatIsLeftOfItsLifetime()
    {
        var hot = Hot;
        var age = (int)PublicCache.Lifetime.TotalSeconds - 10;

        Assert.True(await TakeAsync(hot, "/fast-abgelaufen", response => response.Headers.Age = age.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _site.Clock.Advance(TimeSpan.FromSeconds(11));

        Assert.False(await AnsweredAsync(hot, "/fast-abgelaufen"));
    }

    [Fact]
    public async Task AKeptPage_AnswersOnlyItsOwnScheme()
    {
        // An HTTPS answer carries HSTS, a plain-HTTP one (a health probe past the proxy) does not: a
        // copy of the plain one must not answer HTTPS readers.
        var plain = _site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://aufruf.example") });
        var secure = _site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://aufruf.example") });
        var (first, _) = await Get(plain, "/");
        await Get(plain, "/");
        Assert.False(first.Headers.Contains("Strict-Transport-Security"));

        var (overHttps, _) = await Get(secure, "/");
        var (keptOverHttps, _) = await Get(secure, "/");

        Assert.True(overHttps.Headers.Contains("Strict-Transport-Security"));
        Assert.True(keptOverHttps.Headers.Contains("Strict-Transport-Security"));
    }

    // Runs a request through the branch that keeps answers; true when a next request is answered from it.
    private async Task<bool> TakeAsync(HotPages hot, string path, Action<HttpResponse>? answer = null, bool shareable = true, int body = 100, Action? during = null)
    {
        var context = new DefaultHttpContext { RequestServices = _site.Services };
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        await hot.Take(context, async c =>
        {
            if (shareable)
            {
                c.Features.Set<IOutputCacheFeature>(new CacheVerdict(c));
            }

            c.Response.StatusCode = StatusCodes.Status200OK;
            answer?.Invoke(c.Response);
            await c.Response.Body.WriteAsync(new byte[body]);
            during?.Invoke();
            c.Features.Set<IOutputCacheFeature>(null); // the output cache removes its feature when done
        });
        return await AnsweredAsync(hot, path);
    }

    private static async Task<bool> AnsweredAsync(HotPages hot, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        var passedOn = false;
        await hot.Answer(context, _ =>
        {
            passedOn = true;
            return Task.CompletedTask;
        });
        return !passedOn;
    }

    private sealed class CacheVerdict(HttpContext context) : IOutputCacheFeature
    {
        public OutputCacheContext Context { get; } = new() { HttpContext = context, EnableOutputCaching = true, AllowCacheLookup = true };
    }
}
