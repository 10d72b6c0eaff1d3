using Microsoft.Playwright;

namespace Integrationsoffensive.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, driven by Playwright; one browser for the whole run, a fresh context per test.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public SiteServer Site { get; } = new();

    /// <summary>Screenshots for people to look at; not committed (TestResults/ is ignored).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(SiteServer.RepositoryRoot, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        await Site.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Site.DisposeAsync();
    }

    /// <summary>A fresh browser context on the shared site, or on <paramref name="baseUrl"/> (a site of a test's own, or localhost for passkeys).</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true, int width = 1280, int height = 900, string? baseUrl = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? Site.BaseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "de-DE",
        });
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
