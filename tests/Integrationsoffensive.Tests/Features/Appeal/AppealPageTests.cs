using AngleSharp.Html.Dom;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Appeal;

public sealed class AppealPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<IHtmlDocument> GetHomeAsync()
    {
        var (response, document) = await site.CreatePlainClient().GetPageAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    [Fact]
    public async Task Get_Home_ShowsTheAppealTitleAsTheOnlyH1()
    {
        var document = await GetHomeAsync();

        var h1 = Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Equal("Aufruf für eine Integrationsoffensive", h1.Text());
        Assert.Equal("de", document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Get_Home_ShowsTheLeadBeforeTheAppealText()
    {
        var document = await GetHomeAsync();

        var lead = document.QuerySelector(".lead")!.Text();
        Assert.StartsWith("Mit ihrem Aufruf fordern hessische Verbände und Initiativen", lead);
        Assert.EndsWith("Integrationsangebote und -rechte.", lead);
    }

    [Fact]
    public async Task Get_Home_ShowsTheThreeDemandsWithTheirAnchors()
    {
        var document = await GetHomeAsync();

        var demands = document.QuerySelectorAll("#forderungen section.demand")
            .Select(section => (section.Id, Heading: section.QuerySelector("h3")!.Text()))
            .ToList();
        Assert.Equal(
            [
                ("forderung-1", "1. Arbeit und Aufenthalt fördern statt beenden"),
                ("forderung-2", "2. Anreize stärken und attraktiver werden"),
                ("forderung-3", "3. Öffentliche Infrastruktur ausbauen"),
            ],
            demands);
        Assert.Contains("Test-Text der Forderung 1.", document.GetElementById("forderung-1")!.Text());
    }

    [Fact]
    public async Task Get_Home_ShowsTheClosingCallAfterTheDemands()
    {
        var document = await GetHomeAsync();

        var closing = document.QuerySelector(".closing")!;
        Assert.Contains("Test-Text des Schlussaufrufs.", closing.Text());
        Assert.True(
            document.GetElementById("forderung-3")!.CompareDocumentPosition(closing).HasFlag(AngleSharp.Dom.DocumentPositions.Following),
            "The closing call must come after the third demand.");
    }

    [Fact]
    public async Task Get_Home_ListsTheElevenFoundingOrganizationsInOrder()
    {
        var document = await GetHomeAsync();

        var section = document.GetElementById("erstunterzeichnende")!;
        Assert.Equal("Erstunterzeichnende", section.QuerySelector("h2")!.Text());
        Assert.Equal(
            [
                "Diakonie Hessen", "Parität Hessen", "Hessischer Flüchtlingsrat", "DGB Hessen-Thüringen",
                "agah-Landesausländerbeirat", "PRO ASYL", "Frankfurter Rechtshilfekomitee für Ausländer",
                "Respekt! Kein Platz für Rassismus", "AWO Kreisverband Fulda",
                "Verband binationaler Familien und Partnerschaften", "AIDS-Hilfe Hessen",
            ],
            section.QuerySelectorAll("li").Select(li => li.Text()));
    }

    [Fact]
    public async Task Get_Home_CallToActionIsALinkToTheForm_NotAForm()
    {
        // The home page is output-cached: an antiforgery token in it would be served to everyone.
        var document = await GetHomeAsync();

        Assert.Empty(document.QuerySelectorAll("form"));
        Assert.Contains(document.QuerySelectorAll("main a.button"), a => a.GetAttribute("href") == "/mitzeichnen");
    }

    [Fact]
    public async Task Get_Home_SetsNoCookie()
    {
        var response = await site.CreatePlainClient().GetAsync("/");

        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Get_Home_HasCanonicalAndOpenGraphFromThePublicBaseUrl()
    {
        var document = await GetHomeAsync();

        Assert.Equal(SiteFactory.PublicBaseUrl + "/", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(SiteFactory.PublicBaseUrl + "/", document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("Aufruf für eine Integrationsoffensive", document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.StartsWith("Hessische Verbände", document.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", document.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        Assert.Equal(SiteFactory.PublicBaseUrl + "/vorschaubild.png", document.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal(SiteFactory.PublicBaseUrl + "/vorschaubild.png", document.QuerySelector("meta[name='twitter:image']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Get_Home_HasSkipLinkLandmarksAndFooterLinks()
    {
        var document = await GetHomeAsync();

        Assert.Equal("#inhalt", document.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("main#inhalt"));
        Assert.NotNull(document.QuerySelector("header nav[aria-label]"));
        Assert.Equal(
            ["/impressum", "/datenschutz", "/barrierefreiheit"],
            document.QuerySelectorAll("footer nav[aria-label=Rechtliches] a").Select(a => a.GetAttribute("href")));
        Assert.Equal(
            ["/aufruf/fassungen", "/uebergabe"],
            document.QuerySelectorAll("footer nav[aria-label='Über den Aufruf'] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Get_Home_LoadsNothingFromAnotherOrigin()
    {
        var document = await GetHomeAsync();

        var sources = document.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], script[src], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src"))
            .ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.StartsWith("/", source));
        Assert.All(document.QuerySelectorAll("script"), script => Assert.StartsWith("/js/", script.GetAttribute("src")));
        Assert.All(document.QuerySelectorAll("script"), script => Assert.Empty(script.TextContent));
        Assert.Empty(document.QuerySelectorAll("[style]"));
    }
}
