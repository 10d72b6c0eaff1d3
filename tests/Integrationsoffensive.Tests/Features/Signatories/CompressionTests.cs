using System.IO.Compression;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Signatories;

/// <summary>
/// Public pages are sent compressed (brotli preferred), compressed once per render and stored so;
/// pages with forms are never compressed (their antiforgery tokens must not leak through compression).
/// </summary>
public sealed class CompressionTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<HttpResponseMessage> GetAsync(string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await _site.CreatePlainClient().SendAsync(request);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/unterzeichnende")]
    [InlineData("/unterzeichnende.json")]
    public async Task PublicPage_IsSentAsBrotli_AndTheNextBrowserGetsTheStoredCompressedAnswer(string path)
    {
        var first = await GetAsync(path, "gzip, deflate, br, zstd");
        var second = await GetAsync(path, "br;q=1.0, gzip;q=0.8");

        Assert.Equal("br", first.Content.Headers.ContentEncoding.Single());
        Assert.Equal("br", second.Content.Headers.ContentEncoding.Single());
        Assert.NotNull(second.Headers.Age);
        await using var brotli = new BrotliStream(await second.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        Assert.Contains("Integrationsoffensive", await new StreamReader(brotli).ReadToEndAsync());
    }

    [Fact]
    public async Task WithoutBrotli_GzipIsSent_AndWithoutEither_PlainText()
    {
        Assert.Equal("gzip", (await GetAsync("/", "gzip")).Content.Headers.ContentEncoding.Single());
        Assert.Empty((await GetAsync("/", "identity")).Content.Headers.ContentEncoding);
    }

    // A shared cache between the site and its readers (a CDN, a company's proxy) stores whichever
    // variant it sees first; only Vary on every variant keeps it from handing a plain answer, asked
    // for by a link-preview bot or curl, to every browser that night.
    [Theory]
    [InlineData("/")]
    [InlineData("/unterzeichnende")]
    [InlineData("/unterzeichnende.json")]
    public async Task EveryVariant_OfAPublicPage_SaysItVariesByAcceptEncoding_RenderedOrFromTheCache(string path)
    {
        foreach (var acceptEncoding in new[] { "", "", "br, gzip", "br, gzip", "gzip", "gzip" }) // each once rendered, once from the cache
        {
            var response = await GetAsync(path, acceptEncoding);

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["Accept-Encoding"], response.Headers.Vary.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)));
        }
    }

    [Fact]
    public async Task FormPages_AreNeverCompressed()
    {
        var form = await GetAsync("/mitzeichnen", "br, gzip");

        Assert.Empty(form.Content.Headers.ContentEncoding);
    }
}
