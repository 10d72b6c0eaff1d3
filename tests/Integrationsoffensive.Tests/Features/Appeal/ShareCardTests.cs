using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Appeal;

/// <summary>The live share card: a 1200 × 630 PNG with the current count, redrawn when the count changes.</summary>
public sealed class ShareCardTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<(Png Picture, HttpResponseMessage Response)> CardAsync()
    {
        var response = await _site.CreatePlainClient().GetAsync("/vorschaubild.png");
        return (Png.Read(await response.Content.ReadAsByteArrayAsync()), response);
    }

    [Fact]
    public async Task Card_Is1200By630_AndDrawnForTheCurrentCount()
    {
        var (card, response) = await CardAsync();

        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((1200, 630), (card.Width, card.Height));
        Assert.Equal("11", card.Texts["Signatories"]);
        Assert.Equal("11", response.Headers.GetValues("X-Signatory-Count").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Card_IsCached_AndRedrawn_AsSoonAsTheCountChanges()
    {
        await CardAsync();
        var (_, cached) = await CardAsync();
        Assert.NotNull(cached.Headers.Age);

        await _site.PublishedAsync(Applications.Details(name: "Neu auf der Karte"));
        var (card, response) = await CardAsync();

        Assert.Null(response.Headers.Age);
        Assert.Equal("12", card.Texts["Signatories"]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/unterzeichnende")]
    [InlineData("/mitzeichnen")]
    public async Task PublicPages_NameTheCard_AsALargeImage(string path)
    {
        var (_, page) = await _site.CreatePlainClient().GetPageAsync(path);

        Assert.Equal(SiteFactory.PublicBaseUrl + "/vorschaubild.png", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("1200", page.QuerySelector("meta[property='og:image:width']")!.GetAttribute("content"));
        Assert.Equal("630", page.QuerySelector("meta[property='og:image:height']")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
    }
}
