using System.Net;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Signatories;

/// <summary>
/// What a request can choose must not multiply the work: the cache is keyed only on the parameters
/// a page knows, never on the Host header; unknown or out-of-range parameters lead to the one
/// canonical address; canonical links come from the route, never from the request.
/// </summary>
public sealed class CacheKeyTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/impressum")]
    [InlineData("/unterzeichnende.json")]
    public async Task RandomQueryStrings_AreServedFromTheOneCachedAnswer(string path)
    {
        var client = _site.CreatePlainClient();
        await client.GetAsync(path + "?x=1");

        var other = await client.GetAsync(path + "?x=2&y=" + Guid.NewGuid());

        Assert.NotNull(other.Headers.Age);
    }

    [Fact]
    public async Task TheListsFilters_AreCached_ButSearchesAreNot()
    {
        var client = _site.CreatePlainClient();
        await client.GetAsync("/unterzeichnende?region=giessen");
        await client.GetAsync("/unterzeichnende?suche=Kassel");

        var filtered = await client.GetAsync("/unterzeichnende?region=giessen");
        var searched = await client.GetAsync("/unterzeichnende?suche=Kassel");

        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        Assert.NotNull(filtered.Headers.Age);
        Assert.Null(searched.Headers.Age);
    }

    [Fact]
    public async Task AnotherHostHeader_IsServedFromTheSameCachedAnswer_WithTheConfiguredAddresses()
    {
        await _site.CreateClient(new() { BaseAddress = new Uri("https://eins.example") }).GetAsync("/");

        var (response, page) = await _site.CreateClient(new() { BaseAddress = new Uri("https://zwei.example") }).GetPageAsync("/");

        Assert.NotNull(response.Headers.Age);
        Assert.Equal(SiteFactory.PublicBaseUrl + "/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/unterzeichnende?c=1", "/unterzeichnende")]
    [InlineData("/unterzeichnende?seite=1", "/unterzeichnende")]
    [InlineData("/unterzeichnende?seite=999", "/unterzeichnende")]
    [InlineData("/unterzeichnende?art=gibtsnicht&region=giessen", "/unterzeichnende?region=giessen")]
    [InlineData("/unterzeichnende?suche=%20%20Kassel%20&utm_source=x", "/unterzeichnende?suche=Kassel")]
    [InlineData("/unterzeichnende?sortierung=alt", "/unterzeichnende")]
    public async Task List_WithUnknownOrOutOfRangeParameters_RedirectsToTheCanonicalAddress(string asked, string canonical)
    {
        var response = await _site.CreatePlainClient().GetAsync(asked);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task List_WithItsCanonicalParameters_AnswersDirectly()
    {
        var response = await _site.CreatePlainClient().GetAsync("/unterzeichnende?region=giessen&sortierung=neu");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CanonicalLink_CannotBePoisonedByOneOddRequest()
    {
        await _site.CreatePlainClient().GetAsync("/IMPRESSUM?c=1");
        await _site.CreatePlainClient().GetAsync("/UNTERZEICHNENDE");

        var (_, list) = await _site.CreatePlainClient().GetPageAsync("/unterzeichnende");
        var (_, imprint) = await _site.CreatePlainClient().GetPageAsync("/impressum");

        Assert.Equal(SiteFactory.PublicBaseUrl + "/unterzeichnende", list.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(SiteFactory.PublicBaseUrl + "/impressum", imprint.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }
}
