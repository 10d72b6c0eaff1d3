using System.Text.RegularExpressions;
using Integrationsoffensive.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Integrationsoffensive.BrowserTests;

/// <summary>A site of these journeys' own, so the queue holds exactly what they put into it.</summary>
public sealed class QueueSite : IAsyncLifetime
{
    public SiteServer Site { get; } = new();

    public Task InitializeAsync() => Site.InitializeAsync();

    public Task DisposeAsync() => Site.DisposeAsync();
}

/// <summary>A moderator keeps up: many applications approved in a few actions, and one after the other from the detail page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class QueueJourneyTests(BrowserFixture fixture, QueueSite own) : IClassFixture<QueueSite>
{
    private async Task<IPage> SignedInAsync(string email, int width = 1280, bool slowStylesheets = false)
    {
        var moderator = await BrowserModerator.InviteAsync(fixture, email, site: own.Site);
        var context = await fixture.NewContextAsync(width: width, baseUrl: own.Site.BaseUrl);
        var page = await context.NewPageAsync();
        if (slowStylesheets)
        {
            // A phone on a slow line: the queue's address is there before its stylesheet.
            await context.RouteAsync("**/*.css*", async route =>
            {
                await Task.Delay(500);
                await route.ContinueAsync();
            });
        }

        await moderator.SignInAsync(page);
        return page;
    }

    [Fact]
    public async Task TwentyApplications_AreApprovedWithBulkSelect_InAtMostFourActions_AndAt390PixelsTheQueueIsCards()
    {
        await own.Site.RunCommandAsync("Development", "seed-demo", "20", "--waiting");
        var page = await SignedInAsync("stapel@aufruf.example");
        await Assertions.Expect(page.Locator("ol.queue > li")).ToHaveCountAsync(20);
        await PublicPagesTests.AssertAccessibleAsync(page, "/moderation (Karten)");

        var actions = 0;
        await page.GetByRole(AriaRole.Link, new() { Name = "Alle 20 auf dieser Seite auswählen" }).ClickAsync();
        actions++;
        await Assertions.Expect(page.Locator("ol.queue input[name=Selected]:checked")).ToHaveCountAsync(20);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ausgewählte freigeben" }).ClickAsync();
        actions++;

        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("20 Mitzeichnungen sind freigegeben.");
        await Assertions.Expect(page.GetByText("Keine Mitzeichnungen in dieser Ansicht.")).ToBeVisibleAsync();
        Assert.True(actions <= 4, $"{actions} actions");
        await page.GotoAsync("/moderation?status=veroeffentlicht");
        await Assertions.Expect(page.Locator(".status-tabs a[aria-current=page]")).ToContainTextAsync("(20)");

        await own.Site.RunCommandAsync("Development", "seed-demo", "3", "--waiting");
        var phone = await SignedInAsync("telefon@aufruf.example", width: 390, slowStylesheets: true);
        var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the queue is {widths[0]} px wide at {widths[1]} px");
        Assert.Equal(0, await phone.Locator("main table").CountAsync());
        var cards = await phone.Locator("ol.queue > li").AllAsync();
        Assert.True(cards.Count >= 3);
        foreach (var card in cards)
        {
            var box = (await card.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"a card reaches from {box.X} to {box.X + box.Width}");
        }

        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "moderation-karten-390.png"), FullPage = true });
        await PublicPagesTests.AssertAccessibleAsync(phone, "/moderation (390 px)");
    }

    [Fact]
    public async Task SaveAndNext_FromTheDetailPage_WorksToTheEndOfTheQueue()
    {
        await own.Site.RunCommandAsync("Development", "seed-demo", "3", "--waiting");
        var page = await SignedInAsync("weiter@aufruf.example");
        var waiting = await page.Locator("ol.queue > li").CountAsync();
        await page.Locator("ol.queue .queue-card__name a").First.ClickAsync();
        await PublicPagesTests.AssertAccessibleAsync(page, "/moderation/antraege/{id}");

        var decided = 0;
        while (!Regex.IsMatch(page.Url, "/moderation$"))
        {
            Assert.True(decided < waiting, $"still on {page.Url} after {decided} decisions");
            var name = await page.Locator("h1").InnerTextAsync();
            await page.GetByLabel("Freigeben").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Speichern und nächster Antrag" }).ClickAsync();
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync($"„{name}“ ist freigegeben");
            decided++;
        }

        Assert.Equal(waiting, decided);
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("In der Warteschlange wartet kein weiterer Antrag.");
    }
}
