using System.Text.RegularExpressions;
using Integrationsoffensive.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Integrationsoffensive.BrowserTests;

/// <summary>What readers, applicants and moderators do, end to end, in a real browser.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class JourneyTests(BrowserFixture fixture)
{
    private const string ConfirmSubject = "Bitte bestätigen Sie Ihre Mitzeichnung";

    private static async Task FillApplicationAsync(IPage page, string name, string email)
    {
        await page.GetByLabel("Name der Organisation").FillAsync(name);
        await page.GetByLabel("Art der Organisation").SelectOptionAsync(new SelectOptionValue { Label = "Flüchtlingsinitiative / Beratungsstelle" });
        await page.GetByLabel("Ort", new() { Exact = true }).FillAsync("Marburg");
        await page.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "Landkreis Marburg-Biedenkopf" });
        await page.GetByLabel("Ansprechperson").FillAsync("Mara Muster");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.Locator("#Input_Consent").CheckAsync();
        await page.Locator("#Input_Authorized").CheckAsync();
    }

    [Fact]
    public async Task Reader_OpensTheAppeal_JumpsToADemand_OpensTheList_FiltersAndSearches()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Aufruf für eine Integrationsoffensive");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Forderungen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#forderungen$"));
        await Assertions.Expect(page.Locator("#forderung-2 h3")).ToBeInViewportAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Unterzeichnende" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Unterzeichnende");
        await page.GetByLabel("Name oder Ort").FillAsync("diakonie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("suche=diakonie"));
        await Assertions.Expect(page.Locator(".signatory--founder .signatory__name")).ToHaveTextAsync(["Diakonie Hessen"]);

        await page.GetByLabel("Art").SelectOptionAsync(new SelectOptionValue { Label = "Gewerkschaft" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("art=gewerkschaft"));
        await Assertions.Expect(page.Locator(".signatory--founder")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Organization_AppliesWithoutJavaScript_ConfirmsByMail_ModeratorApproves_AndItIsPublic()
    {
        const string name = "Initiative Ankommen Marburg";
        const string email = "ankommen@marburg.example";
        await using var applicant = await fixture.NewContextAsync(javaScript: false);
        var page = await applicant.NewPageAsync();
        await page.GotoAsync("/mitzeichnen");
        await FillApplicationAsync(page, name, email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mitzeichnung absenden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mitzeichnen/danke$"));

        var mail = await fixture.Site.WaitForMailAsync(ConfirmSubject, email);
        var confirmLink = fixture.Site.LinkIn(mail, "/mitzeichnen/bestaetigen/");
        await using (var checker = await fixture.NewContextAsync())
        {
            // axe needs JavaScript; these pages are checked in a second browser context that has it.
            var axe = await checker.NewPageAsync();
            foreach (var (path, label) in new[]
            {
                (confirmLink, "/mitzeichnen/bestaetigen/{token}"), (fixture.Site.LinkIn(mail, "/mitzeichnen/zurueckziehen/"), "/mitzeichnen/zurueckziehen/{token}"),
                ("/mitzeichnen/bestaetigt", "/mitzeichnen/bestaetigt"), ("/mitzeichnen/zurueckgezogen", "/mitzeichnen/zurueckgezogen"),
                ("/mitzeichnen/bestaetigen/unbekannt", "/mitzeichnen/bestaetigen/{unbekannt}"),
            })
            {
                await axe.GotoAsync(path);
                await PublicPagesTests.AssertAccessibleAsync(axe, label);
            }
        }

        await page.GotoAsync(confirmLink);
        var button = await page.GetByRole(AriaRole.Button, new() { Name = "Ja, Mitzeichnung bestätigen" }).BoundingBoxAsync();
        var after = await page.Locator("main form + p").BoundingBoxAsync();
        Assert.True(after!.Y - (button!.Y + button.Height) >= 16, "the button touches the text below it");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, Mitzeichnung bestätigen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mitzeichnen/bestaetigt$"));

        var moderator = await BrowserModerator.InviteAsync(fixture, "freigabe@aufruf.example", checkAccessibility: true);
        await using var moderation = await fixture.NewContextAsync();
        var queue = await moderation.NewPageAsync();
        await moderator.SignInAsync(queue);
        await queue.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await queue.GetByLabel("Freigeben").CheckAsync();
        await queue.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Assertions.Expect(queue.Locator(".notice")).ToContainTextAsync("freigegeben");

        await using var reader = await fixture.NewContextAsync();
        var home = await reader.NewPageAsync();
        await home.GotoAsync("/");
        await Assertions.Expect(home.Locator("#neu-mitgezeichnet")).ToContainTextAsync(name);
        await home.GotoAsync("/unterzeichnende");
        await Assertions.Expect(home.Locator(".signatory__name", new() { HasText = name })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Organization_WithJavaScript_SubmittingErrorsFirst_FocusLandsOnTheSummary_AndEachMessageBelongsToItsField()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/mitzeichnen");
        await page.GetByLabel("Name der Organisation").FillAsync("Fehlerfreunde e. V.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mitzeichnung absenden" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        var links = await page.Locator(".error-summary a").AllAsync();
        Assert.True(links.Count >= 5, $"{links.Count} errors");
        foreach (var link in links)
        {
            var fieldId = (await link.GetAttributeAsync("href"))!.TrimStart('#');
            var field = page.Locator("#" + fieldId);
            await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
            var describedBy = await field.GetAttributeAsync("aria-describedby");
            Assert.Contains(fieldId + "-fehler", describedBy!.Split(' '));
            await Assertions.Expect(field).ToHaveAccessibleDescriptionAsync(new Regex("Fehler: " + Regex.Escape(await link.InnerTextAsync())));
        }

        await links[0].ClickAsync();
        await Assertions.Expect(page.Locator("#" + (await links[0].GetAttributeAsync("href"))!.TrimStart('#'))).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("Name der Organisation")).ToHaveValueAsync("Fehlerfreunde e. V.");

        await FillApplicationAsync(page, "Fehlerfreunde e. V.", "fehler@freunde.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mitzeichnung absenden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mitzeichnen/danke(#.*)?$")); // a browser keeps the earlier #fragment
    }

    [Fact]
    public async Task Moderator_RejectsWithAReason_AndASecondModeratorsStaleEditIsRefused()
    {
        await using var applicant = await fixture.NewContextAsync();
        var form = await applicant.NewPageAsync();
        foreach (var (name, email) in new[] { ("Ablehnung e. V.", "ab@lehnung.example"), ("Zwei Köpfe e. V.", "zwei@koepfe.example") })
        {
            await form.GotoAsync("/mitzeichnen");
            await FillApplicationAsync(form, name, email);
            await form.GetByRole(AriaRole.Button, new() { Name = "Mitzeichnung absenden" }).ClickAsync();
            var mail = await fixture.Site.WaitForMailAsync(ConfirmSubject, email);
            await form.GotoAsync(fixture.Site.LinkIn(mail, "/mitzeichnen/bestaetigen/"));
            await form.GetByRole(AriaRole.Button, new() { Name = "Ja, Mitzeichnung bestätigen" }).ClickAsync();
        }

        var first = await BrowserModerator.InviteAsync(fixture, "erste@aufruf.example");
        var second = await BrowserModerator.InviteAsync(fixture, "zweite@aufruf.example");
        await using var firstContext = await fixture.NewContextAsync();
        await using var secondContext = await fixture.NewContextAsync();
        var a = await firstContext.NewPageAsync();
        var b = await secondContext.NewPageAsync();
        await first.SignInAsync(a);
        await second.SignInAsync(b);

        await a.GetByRole(AriaRole.Link, new() { Name = "Ablehnung e. V." }).ClickAsync();
        await a.GetByLabel("Ablehnen").CheckAsync();
        await a.GetByLabel("Grund für die Ablehnung").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var reason = await a.Locator("#Input_ReasonId option:checked").InnerTextAsync();
        await a.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Assertions.Expect(a.Locator(".notice")).ToContainTextAsync("abgelehnt");
        var rejection = await fixture.Site.WaitForMailAsync("Ihre Mitzeichnung wurde nicht veröffentlicht", "ab@lehnung.example");
        Assert.Contains("Grund: " + reason, rejection.TextBody);

        await a.GotoAsync("/moderation");
        await a.GetByRole(AriaRole.Link, new() { Name = "Zwei Köpfe e. V." }).ClickAsync();
        var detail = a.Url;
        await a.GotoAsync(detail + "/bearbeiten");
        await b.GotoAsync(detail + "/bearbeiten");
        await a.GetByLabel("Ort", new() { Exact = true }).FillAsync("Marburg an der Lahn");
        await a.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();
        await b.GetByLabel("Ort", new() { Exact = true }).FillAsync("Cölbe");
        await b.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();

        await Assertions.Expect(b.Locator(".error-summary")).ToContainTextAsync("inzwischen von jemand anderem geändert");
        await Assertions.Expect(b.GetByLabel("Ort", new() { Exact = true })).ToHaveValueAsync("Cölbe");
        await a.GotoAsync(detail);
        await Assertions.Expect(a.Locator("dl.facts").First).ToContainTextAsync("Marburg an der Lahn");
    }
}
