using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Integrationsoffensive.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Integrationsoffensive.BrowserTests;

/// <summary>Every public page in a real browser: WCAG 2.2 AA by axe, reflow, text zoom, privacy.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PublicPagesTests(BrowserFixture fixture)
{
    public static readonly TheoryData<string> Pages = new()
    {
        "/", "/unterzeichnende", "/unterzeichnende?suche=hessen", "/mitzeichnen", "/mitzeichnen/danke", "/mitzeichnen/neuer-link",
        "/mitzeichnen/bestaetigt", "/teilen/mastodon", "/impressum", "/datenschutz", "/barrierefreiheit", "/einbetten", "/zaehler",
        "/konto/anmelden", "/gibt-es-nicht", "/en", "/ar", "/aufruf/fassungen", "/aufruf/fassungen/2023-10",
        "/aufruf/fassungen/vergleich", "/uebergabe",
    };

    internal static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Zero violations; a failure names each rule and the elements it found.</summary>
    internal static async Task AssertAccessibleAsync(IPage page, string what)
    {
        await page.WaitForLoadStateAsync(LoadState.Load); // after a click, the new page's stylesheet may still be on its way
        var result = await page.RunAxe(Wcag22AA);
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Target + " " + n.Html)));
        Assert.True(result.Violations.Length == 0, $"{what}:\n" + string.Join("\n", violations));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoWcag22AAViolations(string path)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        await AssertAccessibleAsync(page, path);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_ReflowsAt320CssPixels_WithoutHorizontalScrolling(string path)
    {
        await using var context = await fixture.NewContextAsync(width: 320, height: 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{path}: content is {widths[0]} px wide in a {widths[1]} px viewport");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, Name(path) + "-320.png"), FullPage = true });
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_At200PercentText_CutsNothingOff(string path)
    {
        await using var context = await fixture.NewContextAsync(width: 1280);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        await page.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
        var clipped = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')].filter(e => {
                const s = getComputedStyle(e);
                const hides = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
                return hides && e.getClientRects().length > 0 && !e.matches('.visually-hidden, .honeypot, .honeypot *')
                    && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
            }).map(e => e.tagName + '.' + e.className)
            """);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.Empty(clipped);
        Assert.True(widths[0] <= widths[1], $"{path}: {widths[0]} px wide at 200 % text");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_OnAPhoneAndADesktop_HasACompactHeader_WhoseButtonDoesNotWrap(string path)
    {
        foreach (var (width, maxHeader) in new[] { (390, 112), (1280, 80) })
        {
            await using var context = await fixture.NewContextAsync(width: width, height: width == 390 ? 844 : 900);
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);

            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{Name(path)}-{width}.png"), FullPage = true });
            Assert.True(widths[0] <= widths[1], $"{path} at {width} px: content is {widths[0]} px wide");
            if (path == "/zaehler")
            {
                continue; // the counter for iframes has no site header
            }

            var header = await page.Locator(".site-header").BoundingBoxAsync();
            var button = await page.Locator(".site-header .button--header").BoundingBoxAsync();
            Assert.True(header!.Height <= maxHeader, $"{path} at {width} px: the header is {header.Height} px tall");
            Assert.True(button!.Height <= 48, $"{path} at {width} px: „Mitzeichnen“ wraps ({button.Height} px tall)");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_SendsNoRequestElsewhere_AndSetsNoCookie_ExceptTheFormsAntiforgeryCookie(string path)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.NotEmpty(requests);
        Assert.All(requests, url => Assert.True(url.StartsWith(fixture.Site.BaseUrl, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
        var cookies = (await context.CookiesAsync()).Select(c => c.Name).ToList();
        var hasForm = path is "/mitzeichnen" or "/mitzeichnen/neuer-link" or "/konto/anmelden";
        if (hasForm)
        {
            Assert.All(cookies, name => Assert.StartsWith(".AspNetCore.Antiforgery.", name));
        }
        else
        {
            Assert.Empty(cookies);
        }
    }

    private static string Name(string path) =>
        path == "/" ? "aufruf" : path.Trim('/').Replace('/', '-').Replace('?', '-').Replace('=', '-');
}
