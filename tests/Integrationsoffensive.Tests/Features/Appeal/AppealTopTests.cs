using AngleSharp.Html.Dom;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Appeal;

/// <summary>The top of the home page: what a reader sees before scrolling, and the founders as a block.</summary>
public sealed class AppealTopTests : IAsyncLifetime, IDisposable
{
    private readonly SiteFactory _site = new();

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "Erste Initiative e. V.", "Zweite Initiative", "Dritte Initiative", "Vierte Initiative" })
        {
            await _site.PublishedAsync(Applications.Details(name: name, email: $"{Guid.NewGuid():N}@beispiel.example"));
            _site.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _site.Dispose();

    private async Task<IHtmlDocument> HomeAsync() => (await _site.CreatePlainClient().GetPageAsync("/")).Document;

    [Fact]
    public async Task Hero_HasTheTitle_OneSentence_AndBothDatesFromTheFrontMatter()
    {
        var page = await HomeAsync();
        var hero = page.QuerySelector(".appeal-hero")!;

        Assert.Equal("Aufruf für eine Integrationsoffensive", hero.QuerySelector("h1")!.Text());
        Assert.StartsWith("Hessische Verbände, Gewerkschaften und Initiativen fordern", hero.QuerySelector(".appeal-hero__summary")!.Text());
        var times = hero.QuerySelectorAll(".appeal-dates time").Select(t => (t.GetAttribute("datetime"), t.Text())).ToList();
        Assert.Equal([("2023-11", "November 2023"), ("2023-11", "November 2023")], times);
        Assert.Contains("Text zuletzt geändert", hero.QuerySelector(".appeal-dates")!.Text());
    }

    [Fact]
    public async Task CampaignBox_ComesRightAfterTheHero_WithTheCount_TheNewestThree_AndTheCallToAction()
    {
        var page = await HomeAsync();
        var box = page.QuerySelector(".appeal-hero + aside.campaign-box")!;

        Assert.Equal("15 Organisationen haben unterzeichnet", box.QuerySelector(".signatory-count")!.Text());
        Assert.Equal("Zuletzt: Vierte Initiative, Dritte Initiative, Zweite Initiative", box.QuerySelector(".campaign-box__newest")!.Text());
        Assert.Equal("/mitzeichnen", box.QuerySelector("a.button")!.GetAttribute("href"));
        Assert.NotNull(box.QuerySelector(".share"));
    }

    [Fact]
    public async Task DemandCards_ShowEachTitleAndSummary_AndLinkToTheFullText_BeforeTheText()
    {
        var page = await HomeAsync();

        var cards = page.QuerySelectorAll(".demand-cards .demand-card").ToList();
        Assert.Equal(3, cards.Count);
        Assert.Equal(["#forderung-1", "#forderung-2", "#forderung-3"], cards.Select(c => c.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal("1 Arbeit und Aufenthalt fördern statt beenden", cards[0].QuerySelector("h3")!.Text());
        Assert.StartsWith("Allen, die hier leben", cards[0].QuerySelector("p")!.Text());
        Assert.All(cards.Select(c => c.QuerySelector("a")!.GetAttribute("href")![1..]), id => Assert.NotNull(page.GetElementById(id)));
        Assert.True(cards[2].CompareDocumentPosition(page.QuerySelector("article.appeal")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Fact]
    public async Task Founders_AreAVisibleBlock_OfTheHomePage()
    {
        var page = await HomeAsync();

        var block = page.QuerySelector("section.founders-block#erstunterzeichnende")!;
        Assert.Equal(11, block.QuerySelectorAll("li").Length);
        Assert.Null(block.Closest("details"));
    }

    [Fact]
    public async Task Names_KeepTheirLegalForm_OnOneLine()
    {
        var page = await HomeAsync();

        var names = page.QuerySelectorAll(".cosigners__name").Select(e => e.TextContent).ToList();
        Assert.Contains("Erste Initiative\u00A0e.\u00A0V.", names);
        Assert.DoesNotContain(names, n => n.Contains("e. V.", StringComparison.Ordinal));
    }
}
