using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Appeal;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Appeal;

/// <summary>The logo wall on /: founders and the newest co-signers, a logo or a lettered tile each, names as text.</summary>
public sealed class LogoWallTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task CoSignerWithALogo_ShowsIt_LazyWithItsSize_BesideItsNameAsText()
    {
        var application = await _site.SeedAsync(ApplicationStatus.Published, Applications.Details(name: "Netzwerk Bunt e. V."), Applications.Logo());

        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/");

        var item = page.QuerySelectorAll("#neu-mitgezeichnet .wall__item").Single();
        var image = item.QuerySelector("img")!;
        Assert.Equal($"/logos/{application.Id}-{application.Logo!.Hash}-96.png", image.GetAttribute("src"));
        Assert.Equal($"/logos/{application.Id}-{application.Logo.Hash}-192.png 2x", image.GetAttribute("srcset"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.Equal(("96", "96"), (image.GetAttribute("width"), image.GetAttribute("height")));
        Assert.Equal("", image.GetAttribute("alt")); // the name stands beside it as text
        Assert.Equal("Netzwerk Bunt\u00A0e.\u00A0V.", item.QuerySelector(".cosigners__name")!.TextContent);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _site.CreateClientWithoutCookies().GetAsync(image.GetAttribute("src"))).StatusCode);
    }

    [Fact]
    public async Task CoSignerWithoutALogo_AndEveryFounder_GetALetteredTile_HiddenFromScreenReaders()
    {
        await _site.SeedAsync(ApplicationStatus.Published, Applications.Details(name: "Flüchtlingsrat Hessen e. V."));

        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/");

        var tile = page.QuerySelector("#neu-mitgezeichnet .wall__tile")!;
        Assert.Equal("FH", tile.GetAttribute("data-initials"));
        Assert.Equal("", tile.TextContent); // the page's text holds only the name
        Assert.Equal("true", tile.GetAttribute("aria-hidden"));
        Assert.Contains($"wall__tile--{LetterTile.Colour("Flüchtlingsrat Hessen e. V.")}", tile.ClassName);
        var founders = page.QuerySelectorAll("#erstunterzeichnende .wall__item");
        Assert.Equal(11, founders.Length);
        Assert.All(founders, f => Assert.NotNull(f.QuerySelector(".wall__tile")));
        Assert.All(founders, f => Assert.False(string.IsNullOrWhiteSpace(f.QuerySelector(".wall__name")!.TextContent)));
        Assert.Contains(page.QuerySelectorAll("#neu-mitgezeichnet a"), a => a.GetAttribute("href") == "/unterzeichnende");
    }

    [Fact]
    public async Task LogoOfAWithdrawnCoSigner_LeavesTheWall()
    {
        var withdrawn = await _site.SeedAsync(ApplicationStatus.Withdrawn, Applications.Details(name: "Weg e. V."), Applications.Logo());

        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/");

        Assert.DoesNotContain($"/logos/{withdrawn.Id}-", page.DocumentElement.OuterHtml);
    }

    [Theory]
    [InlineData("Diakonie Hessen", "DH")]
    [InlineData("Der Paritätische Hessen e. V.", "PH")]
    [InlineData("Arbeitskreis für Flüchtlinge", "AF")]
    [InlineData("ver.di Hessen", "VH")]
    [InlineData("IG Metall", "IM")]
    [InlineData("„Zuflucht“ gGmbH", "Z")]
    [InlineData("123 Hilfe", "1H")]
    public void Initials_TakeTheFirstTwoWordsThatCount(string name, string initials) =>
        Assert.Equal(initials, LetterTile.Initials(name));

    [Fact]
    public void Colour_IsTheSameForTheSameName_AndSpreadsOverThePalette()
    {
        Assert.Equal(LetterTile.Colour("Diakonie Hessen"), LetterTile.Colour("Diakonie Hessen"));
        var colours = Enumerable.Range(0, 60).Select(i => LetterTile.Colour($"Verein {i}")).Distinct().Count();
        Assert.Equal(LetterTile.Colours, colours);
    }
}
