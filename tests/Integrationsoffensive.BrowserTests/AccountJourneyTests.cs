using System.Text.RegularExpressions;
using Integrationsoffensive.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Integrationsoffensive.BrowserTests;

/// <summary>
/// A moderator adds a passkey and signs in with it (alone, and as the second step); an admin
/// re-invites them, and only the new password and app get in: the old app code and the passkey do not.
/// Passkeys need a secure context and a host name, so these pages run on http://localhost, with
/// Chromium's virtual authenticator standing in for the device.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccountJourneyTests(BrowserFixture fixture)
{
    private const string Person = "passkey@aufruf.example";

    private string Localhost => fixture.Site.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    private async Task<IPage> PageWithAuthenticatorAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        return page;
    }

    private static async Task<bool> SignsInWithCodeAsync(IPage page, string email, string password, string code)
    {
        await page.GotoAsync("/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
        if (!Regex.IsMatch(page.Url, "/konto/anmelden/code"))
        {
            return false;
        }

        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        return Regex.IsMatch(page.Url, "/moderation$");
    }

    [Fact]
    public async Task Passkey_SignsIn_AndAReinvitedModerator_GetsInWithTheNewFactorOnly()
    {
        var old = await BrowserModerator.InviteAsync(fixture, Person);
        await using var context = await fixture.NewContextAsync(baseUrl: Localhost);
        var page = await PageWithAuthenticatorAsync(context);
        await old.SignInAsync(page);

        await page.GotoAsync("/konto/passkeys");
        await PublicPagesTests.AssertAccessibleAsync(page, "/konto/passkeys");
        await page.GetByLabel("Name des Passkeys").FillAsync("Testgerät");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passkey hinzufügen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("„Testgerät“ ist hinzugefügt");
        await Assertions.Expect(page.Locator(".passkey-list li")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await page.GotoAsync("/konto/anmelden");
        await PublicPagesTests.AssertAccessibleAsync(page, "/konto/anmelden (mit Passkey)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mit Passkey anmelden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/moderation$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await page.GotoAsync("/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(Person);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(BrowserModerator.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mit Passkey bestätigen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/moderation$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();

        var (adminContext, adminPage) = await BrowserModerator.PressOnAccountsPageAsync(fixture, "neu-einladen@aufruf.example", $"{Person}: neu einladen");
        await using var _ = adminContext;
        await Assertions.Expect(adminPage.Locator(".notice").First).ToContainTextAsync("ist neu eingeladen");
        await PublicPagesTests.AssertAccessibleAsync(adminPage, "/moderation/admin/moderatoren (neu eingeladen)");

        var mail = await fixture.Site.WaitForMailAsync("Ihr Zugang zur Moderation des Aufrufs", Person, count: 2);
        var renewed = await BrowserModerator.AcceptAsync(fixture, fixture.Site.LinkIn(mail, "/konto/einladung/"), Person);
        Assert.NotEqual(old.Key, renewed.Key);

        Assert.False(await SignsInWithCodeAsync(page, Person, BrowserModerator.Password, old.NextCode()));
        await page.GotoAsync("/konto/anmelden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mit Passkey anmelden" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Passkey hat nicht geklappt");
        Assert.True(await SignsInWithCodeAsync(page, Person, BrowserModerator.Password, renewed.NextCode()));
    }
}
