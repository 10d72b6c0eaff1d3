using Integrationsoffensive.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Integrationsoffensive.BrowserTests;

/// <summary>The pages this round added, checked with axe (WCAG 2.2 AA), at 320 px, and the dashboard on paper.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NewPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Dashboard_HasNoWcag22AAViolations_ReflowsAt320Pixels_AndPrintsItsChartsWithoutNavigation()
    {
        await fixture.Site.RunCommandAsync("Development", "seed-demo", "40");
        await fixture.Site.RunCommandAsync("Development", "seed-demo", "4", "--waiting");
        var admin = await BrowserModerator.InviteAsync(fixture, "uebersicht@aufruf.example", admin: true);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await admin.SignInAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Übersicht" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Übersicht");
        await PublicPagesTests.AssertAccessibleAsync(page, "/moderation/uebersicht");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "uebersicht-1280.png"), FullPage = true });

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".moderation-nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("svg.chart")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#tage-90 tbody tr").Last).ToBeVisibleAsync();
        await page.PdfAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "uebersicht.pdf"), Format = "A4" });

        await using var narrow = await fixture.NewContextAsync(width: 320, height: 800);
        var phone = await narrow.NewPageAsync();
        await admin.SignInAsync(phone);
        await phone.GotoAsync("/moderation/uebersicht");
        var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the dashboard is {widths[0]} px wide in a {widths[1]} px viewport");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "uebersicht-320.png"), FullPage = true });
    }

    [Fact]
    public async Task ForgottenPassword_AndTheResetTwoFactorsEnrolment_HaveNoWcag22AAViolations()
    {
        var person = await BrowserModerator.InviteAsync(fixture, "vergessen@aufruf.example");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/konto/anmelden");
        await page.GetByRole(AriaRole.Link, new() { Name = "Passwort vergessen?" }).ClickAsync();
        await PublicPagesTests.AssertAccessibleAsync(page, "/konto/passwort-vergessen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link anfordern" }).ClickAsync();
        await PublicPagesTests.AssertAccessibleAsync(page, "/konto/passwort-vergessen (Fehlerzustand)");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(person.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Link anfordern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("Wenn zu dieser Adresse ein Zugang gehört");
        await PublicPagesTests.AssertAccessibleAsync(page, "/konto/passwort-vergessen (Antwort)");

        var mail = await fixture.Site.WaitForMailAsync("Neues Passwort für die Moderation", person.Email);
        await page.GotoAsync(fixture.Site.LinkIn(mail, "/konto/passwort-neu/"));
        await PublicPagesTests.AssertAccessibleAsync(page, "/konto/passwort-neu/{id}");
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync(BrowserModerator.Password);
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync(BrowserModerator.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Ihr neues Passwort ist gespeichert");

        var (adminContext, _) = await BrowserModerator.PressOnAccountsPageAsync(fixture, "zurueck@aufruf.example", $"{person.Email}: zwei Faktoren zurücksetzen");
        await using var __ = adminContext;
        var reset = await fixture.Site.WaitForMailAsync("Richten Sie Ihre Anmeldung mit zwei Faktoren neu ein", person.Email);
        await page.GotoAsync(fixture.Site.LinkIn(reset, "/konto/einladung/"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Zweiten Faktor einrichten");
        await PublicPagesTests.AssertAccessibleAsync(page, "/konto/einladung/{id} (zweiter Faktor)");
    }
}
