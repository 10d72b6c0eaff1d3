using System.Diagnostics;
using Integrationsoffensive.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Integrationsoffensive.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class ModerationAndPrintTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EveryModerationPage_AndTheFormInItsErrorState_HaveNoWcag22AAViolations()
    {
        await using var applicant = await fixture.NewContextAsync();
        var form = await applicant.NewPageAsync();
        await form.GotoAsync("/mitzeichnen");
        await form.GetByRole(AriaRole.Button, new() { Name = "Mitzeichnung absenden" }).ClickAsync();
        await Assertions.Expect(form.Locator(".error-summary")).ToBeVisibleAsync();
        await PublicPagesTests.AssertAccessibleAsync(form, "/mitzeichnen (Fehlerzustand)");
        await form.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "mitzeichnen-fehler-1280.png"), FullPage = true });

        await fixture.Site.RunCommandAsync("Development", "seed-demo", "3");
        var admin = await BrowserModerator.InviteAsync(fixture, "axe-admin@aufruf.example", admin: true);
        await using var moderation = await fixture.NewContextAsync();
        var page = await moderation.NewPageAsync();
        await admin.SignInAsync(page);
        await page.GotoAsync("/moderation?status=veroeffentlicht");
        await page.Locator("ol.queue .queue-card__name a").First.ClickAsync();
        var detail = page.Url;
        foreach (var path in new[]
        {
            "/moderation", "/moderation?status=veroeffentlicht", detail, detail + "/bearbeiten", "/moderation/protokoll",
            "/moderation/hinzufuegen", "/moderation/import", "/moderation/export", "/moderation/admin/moderatoren",
            "/moderation/admin/ablehnungsgruende", "/konto/passwort",
        })
        {
            await page.GotoAsync(path);
            await PublicPagesTests.AssertAccessibleAsync(page, path);
        }

        await page.GotoAsync("/moderation/hinzufuegen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Eintragen und veröffentlichen" }).ClickAsync();
        await PublicPagesTests.AssertAccessibleAsync(page, "/moderation/hinzufuegen (Fehlerzustand)");
    }

    [Fact]
    public async Task PrintedAppeal_ShowsTextDemandsAndSignatories_WithoutNavigationOrFooter_AndMakesAPdf()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator(".site-nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".site-footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".call-to-action").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#forderung-3")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#erstunterzeichnende")).ToBeVisibleAsync();

        var pdf = Path.Combine(BrowserFixture.ScreenshotFolder, "aufruf.pdf");
        await page.PdfAsync(new() { Path = pdf, Format = "A4" });
        var text = await PdfTextAsync(pdf);
        Assert.Contains("Aufruf für eine Integrationsoffensive", text);
        Assert.Contains("Arbeit und Aufenthalt fördern statt beenden", text);
        Assert.Contains("Sondierungspapiers", text);
        Assert.Contains("AIDS-Hilfe Hessen", text);
        Assert.DoesNotContain("Zum Inhalt springen", text);
        Assert.DoesNotContain("Barrierefreiheit", text);
    }

    private static async Task<string> PdfTextAsync(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
    }
}
