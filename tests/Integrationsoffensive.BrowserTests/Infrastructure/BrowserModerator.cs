using Microsoft.Playwright;
using OtpNet;

namespace Integrationsoffensive.BrowserTests.Infrastructure;

/// <summary>A moderator invited through the command line and enrolled in the browser, as a newcomer would.</summary>
public sealed class BrowserModerator
{
    public const string Password = "ein langes Passwort im Browser";
    private static readonly int[] Offsets = [0, -30, 30, -60, 60];
    private readonly HashSet<string> _issued = [];
    private bool _checkAccessibility;

    private BrowserModerator(string email, string key)
    {
        Email = email;
        Key = key;
    }

    public string Email { get; }

    public string Key { get; }

    /// <summary>A code the authenticator app shows within the accepted window, never one used before.</summary>
    public string NextCode()
    {
        var totp = new Totp(Base32Encoding.ToBytes(Key));
        return Offsets.Select(offset => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(offset))).First(_issued.Add);
    }

    public static async Task<BrowserModerator> InviteAsync(BrowserFixture fixture, string email, bool admin = false, bool checkAccessibility = false, SiteServer? site = null)
    {
        site ??= fixture.Site;
        var output = await site.RunCommandAsync(admin ? ["moderator", "add", email, "--admin"] : ["moderator", "add", email]);
        var link = output.Split('\n').Single(l => l.StartsWith(site.BaseUrl + "/konto/einladung/", StringComparison.Ordinal)).Trim();
        return await AcceptAsync(fixture, link, email, checkAccessibility, site);
    }

    /// <summary>Opens an invitation link, chooses the password, enrols the app shown, and keeps the recovery codes.</summary>
    public static async Task<BrowserModerator> AcceptAsync(BrowserFixture fixture, string link, string email, bool checkAccessibility = false, SiteServer? site = null)
    {
        await using var context = await fixture.NewContextAsync(baseUrl: (site ?? fixture.Site).BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        if (checkAccessibility)
        {
            await PublicPagesTests.AssertAccessibleAsync(page, "/konto/einladung/{id}");
        }

        var key = (await page.Locator("code.shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var moderator = new BrowserModerator(email, key);
        await page.GetByLabel("Neues Passwort").FillAsync(Password);
        await page.GetByLabel("Passwort wiederholen").FillAsync(Password);
        await page.GetByLabel("Code aus der App").FillAsync(moderator.NextCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "Zugang einrichten" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.recovery-codes li")).ToHaveCountAsync(10);
        if (checkAccessibility)
        {
            await PublicPagesTests.AssertAccessibleAsync(page, "/konto/einladung/{id} (Wiederherstellungscodes)");
        }

        moderator._checkAccessibility = checkAccessibility;
        return moderator;
    }

    /// <summary>A new admin signs in and presses a button on the accounts page; the caller disposes the context.</summary>
    public static async Task<(IBrowserContext Context, IPage Page)> PressOnAccountsPageAsync(BrowserFixture fixture, string adminEmail, string button)
    {
        var admin = await InviteAsync(fixture, adminEmail, admin: true);
        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await admin.SignInAsync(page);
        await page.GotoAsync("/moderation/admin/moderatoren");
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        return (context, page);
    }

    /// <summary>Signs in through the two login pages and lands on the queue.</summary>
    public async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/konto/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(Email);
        await page.GetByLabel("Passwort").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
        if (_checkAccessibility)
        {
            await PublicPagesTests.AssertAccessibleAsync(page, "/konto/anmelden/code");
        }

        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(NextCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/moderation$"));
        // The address changes when the queue's answer arrives, before its stylesheet is applied;
        // what a caller measures next (widths, contrast) is the page as a person sees it.
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
