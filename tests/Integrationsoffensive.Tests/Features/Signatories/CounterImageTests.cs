using System.Globalization;
using System.Xml.Linq;
using Integrationsoffensive.Features.Signatories;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Signatories;

/// <summary>The badges for partner sites and newsletters, and the QR code for flyers.</summary>
public sealed class CounterImageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData(11)]
    [InlineData(1_234_567)]
    public void SvgBadge_IsAsWideAsItsTexts_AndFitsThemToThatWidth(int count)
    {
        var badge = new CounterBadge(count);
        var svg = XDocument.Parse(badge.Svg()).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";

        var width = int.Parse(svg.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        var texts = svg.Elements(ns + "text").ToList();
        Assert.Equal(2, texts.Count);
        foreach (var text in texts)
        {
            var x = double.Parse(text.Attribute("x")!.Value, CultureInfo.InvariantCulture);
            var length = double.Parse(text.Attribute("textLength")!.Value, CultureInfo.InvariantCulture);
            Assert.Equal("spacingAndGlyphs", text.Attribute("lengthAdjust")!.Value);
            Assert.True(x + length <= width - 8, $"text ends at {x + length} in a badge {width} wide");
        }

        Assert.Contains(CountTextOf(count), texts[1].Value);
    }

    [Fact]
    public void SvgBadge_GrowsWithALongerNumber()
    {
        Assert.True(new CounterBadge(1_234_567).Width > new CounterBadge(11).Width);
    }

    [Fact]
    public async Task PngBadge_IsTheBadgeAtTwiceItsSize_DrawnForTheCurrentCount()
    {
        var response = await site.CreatePlainClient().GetAsync("/zaehler.png");
        var png = Png.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((new CounterBadge(11).Width * 2, 128), (png.Width, png.Height));
        Assert.Equal("11", png.Texts["Signatories"]);
    }

    [Fact]
    public async Task QrCodes_AreAnSvgAndAPng()
    {
        var client = site.CreatePlainClient();
        var svg = await client.GetAsync("/qr-code.svg");
        var png = await client.GetAsync("/qr-code.png");

        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Equal("svg", XDocument.Parse(await svg.Content.ReadAsStringAsync()).Root!.Name.LocalName);
        var picture = Png.Read(await png.Content.ReadAsByteArrayAsync());
        Assert.True(picture.Width >= 400 && picture.Width == picture.Height, $"{picture.Width} × {picture.Height}");
    }

    [Fact]
    public async Task EmbedPage_SaysWhichToUseWhere_WithSnippetsForEach()
    {
        var (_, page) = await site.CreatePlainClient().GetPageAsync("/einbetten");

        var snippets = page.QuerySelectorAll("pre.snippet code").Select(c => c.TextContent).ToList();
        Assert.Contains(snippets, s => s.Contains("<img src=\"https://aufruf.example/zaehler.png\"", StringComparison.Ordinal));
        Assert.Contains(snippets, s => s.Contains($"width=\"{new CounterBadge(11).Width}\"", StringComparison.Ordinal));
        var advice = page.QuerySelector("main ul")!.Text();
        Assert.Contains("Newsletter und E-Mail: die PNG-Grafik", advice);
        Assert.Contains("Flyer, Plakate, Präsentationen: der QR-Code", advice);
        Assert.NotNull(page.QuerySelector("a[href='/qr-code.svg'][download]"));
        Assert.NotNull(page.QuerySelector("a[href='/qr-code.png'][download]"));
    }

    private static string CountTextOf(int count) => count.ToString("N0", CultureInfo.GetCultureInfo("de-DE"));
}
