using System.Diagnostics;
using Integrationsoffensive.BrowserTests.Infrastructure;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Integrationsoffensive.BrowserTests;

/// <summary>
/// The appeal in other languages, its versions and its handover in a real browser: axe (WCAG 2.2 AA),
/// screenshots for people to look at, the handover printed from the browser and made on the server.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TextPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("en", "Call for an Integration Offensive")]
    [InlineData("leichte-sprache", "Aufruf für eine Integrations-Offensive")]
    public async Task ShippedTranslation_HasNoWcag22AAViolations_AndIsScreenshotted(string route, string title)
    {
        // The editors' real translation, not the test sample: this is what readers will see.
        var source = Path.Combine(RepositoryPaths.Content, route);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(fixture.Site.ContentPath, route, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Eventually.WaitForAsync(
            async () =>
            {
                await page.GotoAsync("/" + route);
                return await page.Locator("h1").InnerTextAsync();
            },
            heading => heading == title,
            heading => $"/{route} still shows „{heading}“");
        Assert.Equal(3, await page.Locator(".demand").CountAsync());

        await PublicPagesTests.AssertAccessibleAsync(page, "/" + route);
        Assert.Equal(route == "en" ? "en" : "de", await page.Locator("html").GetAttributeAsync("lang"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"sprache-{route}-1280.png"), FullPage = true });
        await using var narrow = await fixture.NewContextAsync(width: 390, height: 844);
        var phone = await narrow.NewPageAsync();
        await phone.GotoAsync("/" + route);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"sprache-{route}-390.png"), FullPage = true });
    }

    [Fact]
    public async Task RightToLeftSample_IsLaidOutRightToLeft()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ar");

        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        // Logical properties: the demand's rule is on the right-hand side in a right-to-left page.
        var border = await page.Locator(".demand").First.EvaluateAsync<string[]>("e => [getComputedStyle(e).borderRightWidth, getComputedStyle(e).borderLeftWidth]");
        Assert.Equal(["6px", "0px"], border);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "sprache-ar-rtl-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task VersionComparison_HasNoWcag22AAViolations_MarksChangesBeyondColour_AndIsScreenshotted()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/aufruf/fassungen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Änderungen zur vorigen Fassung ansehen" }).ClickAsync();

        await Assertions.Expect(page.Locator(".diff del").First).ToBeVisibleAsync();
        await PublicPagesTests.AssertAccessibleAsync(page, page.Url);
        var decorations = await page.EvaluateAsync<string[]>("() => [getComputedStyle(document.querySelector('.diff del')).textDecorationLine, getComputedStyle(document.querySelector('.diff ins')).textDecorationLine]");
        Assert.Equal(["line-through", "underline"], decorations);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "fassungen-vergleich-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task Handover_PrintsWithoutNavigation_WithPageNumbers_AndItsServerPdfRendersToPages()
    {
        await fixture.Site.RunCommandAsync("Development", "seed-demo", "60");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/uebergabe");
        await PublicPagesTests.AssertAccessibleAsync(page, "/uebergabe");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "uebergabe-1280.png"), FullPage = true });

        // Printed from the browser: a page per part, numbered, no navigation, no download button.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".handover-actions")).ToBeHiddenAsync();
        var printed = Path.Combine(BrowserFixture.ScreenshotFolder, "uebergabe-druck.pdf");
        await page.PdfAsync(new() { Path = printed, Format = "A4", PreferCSSPageSize = true });
        var printedText = await RunAsync("pdftotext", printed, "-");
        Assert.Contains("Seite 2 von", printedText);
        Assert.DoesNotContain("Hauptnavigation", printedText);
        Assert.DoesNotContain("Als PDF herunterladen", printedText);
        Assert.True(printedText.IndexOf("AIDS-Hilfe Hessen", StringComparison.Ordinal) > printedText.IndexOf("Erstunterzeichnende", StringComparison.Ordinal), "the founders are listed");
        await RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", printed, Path.Combine(BrowserFixture.ScreenshotFolder, "uebergabe-druck"));

        // Made on the server: the download, its first two pages as pictures.
        var download = await page.RunAndWaitForDownloadAsync(async () =>
        {
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.GetByRole(AriaRole.Link, new() { Name = "Als PDF herunterladen" }).ClickAsync();
        });
        var file = Path.Combine(BrowserFixture.ScreenshotFolder, "uebergabe.pdf");
        await download.SaveAsAsync(file);
        var text = await RunAsync("pdftotext", file, "-");
        Assert.Contains("unterzeichnende Organisationen", text);
        Assert.True(text.IndexOf("AIDS-Hilfe Hessen", StringComparison.Ordinal) > text.IndexOf("Erstunterzeichnende", StringComparison.Ordinal));
        await RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", file, Path.Combine(BrowserFixture.ScreenshotFolder, "uebergabe-pdf"));
        Assert.True(File.Exists(Path.Combine(BrowserFixture.ScreenshotFolder, "uebergabe-pdf-1.png")), "the first page rendered");
        Assert.True(File.Exists(Path.Combine(BrowserFixture.ScreenshotFolder, "uebergabe-pdf-2.png")), "the second page rendered");
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}");
        return output;
    }
}
