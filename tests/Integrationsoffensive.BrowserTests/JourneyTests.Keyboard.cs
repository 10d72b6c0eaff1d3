using System.Text.RegularExpressions;
using Integrationsoffensive.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Integrationsoffensive.BrowserTests;

/// <summary>The whole journey with the keyboard alone.</summary>
public sealed partial class JourneyTests
{
    /// <summary>Tab moves to the next control, which must show a visible focus indicator.</summary>
    private static async Task<string> TabAsync(IPage page, string key = "Tab")
    {
        await page.Keyboard.PressAsync(key);
        var focus = await page.EvaluateAsync<string[]>("""
            () => { const e = document.activeElement; const s = getComputedStyle(e);
                    return [e.id || e.textContent.trim(), s.outlineStyle, s.outlineWidth, s.boxShadow]; }
            """);
        Assert.True(focus[1] != "none" && focus[2] != "0px", $"focus on „{focus[0]}“ is not visible ({focus[1]} {focus[2]})");
        return focus[0];
    }

    private static async Task TabToAsync(IPage page, string target)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await TabAsync(page) == target)
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached „{target}“");
    }

    [Fact]
    public async Task KeyboardOnly_FillsTheWholeForm_AndAModeratorApproves()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/mitzeichnen");

        await TabToAsync(page, "Input_OrganizationName");
        await page.Keyboard.TypeAsync("Tastaturverein Kassel");
        Assert.Equal("Input_OrganizationType", await TabAsync(page));
        await page.Keyboard.TypeAsync("Gew");
        Assert.Equal("Input_Place", await TabAsync(page));
        await page.Keyboard.TypeAsync("Kassel");
        Assert.Equal("Input_OrganizationType", await TabAsync(page, "Shift+Tab"));
        Assert.Equal("Input_Place", await TabAsync(page));
        Assert.Equal("Input_Region", await TabAsync(page));
        await page.Keyboard.TypeAsync("Kassel (k");
        Assert.Equal("Input_Website", await TabAsync(page));
        Assert.Equal("Input_Statement", await TabAsync(page));
        Assert.Equal("Input_Logo", await TabAsync(page)); // the optional logo: a plain file input, with a visible focus too
        Assert.Equal("Input_ContactName", await TabAsync(page));
        await page.Keyboard.TypeAsync("Tara Taste");
        Assert.Equal("Input_Email", await TabAsync(page));
        await page.Keyboard.TypeAsync("taste@kassel.example");
        Assert.Equal("Input_Phone", await TabAsync(page));
        await TabToAsync(page, "Input_Consent");
        await page.Keyboard.PressAsync("Space");
        Assert.Equal("Datenschutzerklärung", await TabAsync(page)); // the link inside the consent label
        Assert.Equal("Input_Authorized", await TabAsync(page));
        await page.Keyboard.PressAsync("Space");
        Assert.Equal("Mitzeichnung absenden", await TabAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mitzeichnen/danke$"));

        var mail = await fixture.Site.WaitForMailAsync(ConfirmSubject, "taste@kassel.example");
        await page.GotoAsync(fixture.Site.LinkIn(mail, "/mitzeichnen/bestaetigen/"));
        await TabToAsync(page, "Ja, Mitzeichnung bestätigen");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mitzeichnen/bestaetigt$"));

        var moderator = await BrowserModerator.InviteAsync(fixture, "tastatur@aufruf.example");
        await using var moderation = await fixture.NewContextAsync();
        var queue = await moderation.NewPageAsync();
        await moderator.SignInAsync(queue);
        await TabToAsync(queue, "Tastaturverein Kassel");
        await queue.Keyboard.PressAsync("Enter");
        await Assertions.Expect(queue.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tastaturverein Kassel");
        await TabToAsync(queue, "Input_Decision");
        await queue.Keyboard.PressAsync("Space");
        await TabToAsync(queue, "Speichern und nächster Antrag");
        await queue.Keyboard.PressAsync("Enter");
        await Assertions.Expect(queue.Locator(".notice")).ToContainTextAsync("freigegeben");
    }
}
