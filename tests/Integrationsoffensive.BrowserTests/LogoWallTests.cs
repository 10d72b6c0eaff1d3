using System.Text.RegularExpressions;
using Integrationsoffensive.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Integrationsoffensive.BrowserTests;

/// <summary>
/// The faces of the appeal, end to end: organizations apply with a logo (without JavaScript), a
/// refused file keeps the form, the status page, moderators see the logo before approving, and
/// the logo wall on / — each page checked with axe, the wall photographed at 390 and 1280 px.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LogoWallTests(BrowserFixture fixture)
{
    private static readonly (string Name, string Colour, string Text)[] Organizations =
    [
        ("Netzwerk Willkommen Kassel", "#1f5f8b", "NWK"),
        ("Sprachbrücke Darmstadt e. V.", "#c0392b", "SB"),
        ("Jugendmigrationsdienst Fulda", "#2a6535", "JMD"),
    ];

    /// <summary>A PNG drawn by the browser itself (canvas), so the test carries no picture files.</summary>
    private static async Task<byte[]> DrawLogoAsync(IPage page, string colour, string text)
    {
        var dataUrl = await page.EvaluateAsync<string>(
            "([colour, text]) => { const c = document.createElement('canvas'); c.width = 360; c.height = 180; const g = c.getContext('2d');"
            + " g.fillStyle = colour; g.beginPath(); g.arc(90, 90, 80, 0, 2 * Math.PI); g.fill(); g.fillRect(190, 30, 150, 120);"
            + " g.fillStyle = '#fff'; g.font = 'bold 64px sans-serif'; g.fillText(text.slice(0, 1), 68, 112); g.fillText(text.slice(1), 200, 112); return c.toDataURL('image/png'); }",
            new[] { colour, text });
        return Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',', StringComparison.Ordinal) + 1)..]);
    }

    private static async Task FillAsync(IPage page, string name, string email)
    {
        await page.GetByLabel("Name der Organisation").FillAsync(name);
        await page.GetByLabel("Art der Organisation").SelectOptionAsync(new SelectOptionValue { Label = "Flüchtlingsinitiative / Beratungsstelle" });
        await page.GetByLabel("Ort", new() { Exact = true }).FillAsync("Kassel");
        await page.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "Kassel (kreisfreie Stadt)" });
        await page.GetByLabel("Ansprechperson").FillAsync("Lea Logo");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.Locator("#Input_Consent").CheckAsync();
        await page.Locator("#Input_Authorized").CheckAsync();
    }

    [Fact]
    public async Task Organizations_ApplyWithLogos_ModeratorsSeeThem_AndTheWallShowsThem_Accessibly()
    {
        await fixture.Site.RunCommandAsync("Development", "seed-demo", "5");
        await using var drawing = await fixture.NewContextAsync();
        var canvas = await drawing.NewPageAsync();
        await canvas.GotoAsync("/impressum");

        // A refused file: the message sits at the field, every typed value stays.
        var first = await canvas.Context.NewPageAsync();
        await first.GotoAsync("/mitzeichnen");
        await FillAsync(first, Organizations[0].Name, "logo0@kassel.example");
        await first.Locator("#Input_Logo").SetInputFilesAsync(new FilePayload { Name = "logo.svg", MimeType = "image/svg+xml", Buffer = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray() });
        await first.GetByRole(AriaRole.Button, new() { Name = "Mitzeichnung absenden" }).ClickAsync();
        await Assertions.Expect(first.Locator("#Input_Logo-fehler")).ToContainTextAsync("PNG- oder JPEG-Datei");
        await Assertions.Expect(first.GetByLabel("Name der Organisation")).ToHaveValueAsync(Organizations[0].Name);
        await PublicPagesTests.AssertAccessibleAsync(first, "/mitzeichnen (Logo abgelehnt)");
        await first.Locator(".field", new() { Has = first.Locator("#Input_Logo") }).ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "mitzeichnen-logo-abgelehnt.png") });

        await using var applicant = await fixture.NewContextAsync(javaScript: false);
        for (var i = 0; i < Organizations.Length; i++)
        {
            var (name, colour, text) = Organizations[i];
            var page = await applicant.NewPageAsync();
            await page.GotoAsync("/mitzeichnen");
            await FillAsync(page, name, $"logo{i}@kassel.example");
            await page.Locator("#Input_Logo").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = await DrawLogoAsync(canvas, colour, text) });
            await page.GetByRole(AriaRole.Button, new() { Name = "Mitzeichnung absenden" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mitzeichnen/danke$"));
            var mail = await fixture.Site.WaitForMailAsync("Bitte bestätigen Sie Ihre Mitzeichnung", $"logo{i}@kassel.example");
            await page.GotoAsync(fixture.Site.LinkIn(mail, "/mitzeichnen/bestaetigen/"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Ja, Mitzeichnung bestätigen" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mitzeichnen/bestaetigt$"));
            if (i == 0)
            {
                await canvas.GotoAsync(fixture.Site.LinkIn(mail, "/mitzeichnen/stand/"));
                await Assertions.Expect(canvas.Locator("[aria-current=step] .steps__title")).ToHaveTextAsync("Prüfung durch das Team");
                await PublicPagesTests.AssertAccessibleAsync(canvas, "/mitzeichnen/stand/{token}");
                await canvas.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "stand-1280.png"), FullPage = true });
            }
        }

        var moderator = await BrowserModerator.InviteAsync(fixture, "logos@aufruf.example");
        await using var moderation = await fixture.NewContextAsync();
        var queue = await moderation.NewPageAsync();
        await moderator.SignInAsync(queue);
        foreach (var (name, _, _) in Organizations)
        {
            await queue.GotoAsync("/moderation");
            await Assertions.Expect(queue.Locator(".queue-card", new() { HasText = name }).Locator("img.queue-card__logo")).ToBeVisibleAsync();
            await queue.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await Assertions.Expect(queue.Locator("img.logo-preview")).ToBeVisibleAsync();
            if (name == Organizations[0].Name)
            {
                await PublicPagesTests.AssertAccessibleAsync(queue, "/moderation/antraege/{id} (mit Logo)");
                await queue.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "antrag-mit-logo-1280.png"), FullPage = true });
            }

            await queue.GetByLabel("Freigeben").CheckAsync();
            await queue.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
            await Assertions.Expect(queue.Locator(".notice")).ToContainTextAsync("freigegeben");
        }

        foreach (var width in new[] { 390, 1280 })
        {
            await using var reader = await fixture.NewContextAsync(width: width, height: 900);
            var home = await reader.NewPageAsync();
            await home.GotoAsync("/");
            var logos = home.Locator("#neu-mitgezeichnet img.wall__mark");
            await Assertions.Expect(logos).ToHaveCountAsync(Organizations.Length);
            await home.Locator("#neu-mitgezeichnet").ScrollIntoViewIfNeededAsync();
            foreach (var logo in await logos.AllAsync())
            {
                await Assertions.Expect(logo).ToHaveJSPropertyAsync("complete", true);
                Assert.True(await logo.EvaluateAsync<int>("img => img.naturalWidth") > 0, "a logo did not load");
            }

            await Assertions.Expect(home.Locator("#neu-mitgezeichnet .wall__tile").First).ToBeVisibleAsync();
            await PublicPagesTests.AssertAccessibleAsync(home, $"/ (Logowand, {width} px)");
            var widths = await home.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"/ is {widths[0]} px wide in a {widths[1]} px viewport");
            var top = (await home.Locator("#erstunterzeichnende").BoundingBoxAsync())!;
            var bottom = (await home.Locator("#neu-mitgezeichnet").BoundingBoxAsync())!;
            var scroll = await home.EvaluateAsync<float>("() => window.scrollY");
            await home.ScreenshotAsync(new()
            {
                Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"logowand-{width}.png"),
                FullPage = true,
                Clip = new Clip { X = 0, Y = top.Y + scroll - 8, Width = width, Height = bottom.Y + bottom.Height - top.Y + 16 },
            });
        }
    }
}
