using Integrationsoffensive.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Integrationsoffensive.BrowserTests;

/// <summary>The appeal page as a campaign: above the fold on a phone, the counter beside the text on a desktop, sharing.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AppealLayoutTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OnAPhone_TheTitle_TheCounterAndTheCallToAction_AreAboveTheFold()
    {
        await using var context = await fixture.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        foreach (var selector in new[] { "h1", ".campaign-box .signatory-count", ".campaign-box .call-to-action a" })
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            Assert.True(box is not null && box.Y >= 0 && box.Y + box.Height <= 844, $"{selector} ends at {box?.Y + box?.Height} px, below the fold of 844 px");
        }
    }

    [Fact]
    public async Task OnADesktop_TheCounterBox_StandsBesideTheText_AndStaysInView()
    {
        await using var context = await fixture.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var text = await page.Locator("article.appeal").BoundingBoxAsync();
        var box = await page.Locator(".campaign-box").BoundingBoxAsync();
        Assert.True(box!.X >= text!.X + text.Width, "the counter box should stand to the right of the text");

        await page.Locator("#forderung-3").ScrollIntoViewIfNeededAsync();
        var scrolled = await page.Locator(".campaign-box .call-to-action a").BoundingBoxAsync();
        Assert.True(scrolled!.Y >= 0 && scrolled.Y + scrolled.Height <= 900, $"the call to action scrolled out of view ({scrolled.Y} px)");
    }

    [Fact]
    public async Task LinkKopieren_CopiesTheAppealsAddress_WithOurOwnScript()
    {
        await using var context = await fixture.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/mitzeichnen/danke");

        await page.GetByRole(AriaRole.Button, new() { Name = "Link kopieren" }).ClickAsync();

        await Assertions.Expect(page.Locator(".share__status")).ToHaveTextAsync("Link kopiert.");
        Assert.Equal(fixture.Site.BaseUrl + "/", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task WithoutScript_TheShareLinksWork_AndNoDeadButtonShows()
    {
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Link kopieren" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".share__native")).ToBeHiddenAsync();
        var whatsapp = await page.GetByRole(AriaRole.Link, new() { Name = "Teilen per WhatsApp" }).GetAttributeAsync("href");
        Assert.StartsWith("https://wa.me/?text=", whatsapp);
    }
}
