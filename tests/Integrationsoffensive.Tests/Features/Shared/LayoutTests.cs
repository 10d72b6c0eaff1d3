using System.Text.RegularExpressions;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Shared;

public sealed partial class LayoutTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task PreloadedFont_IsTheOneTheStylesheetAsksFor_SoItIsFetchedOnce()
    {
        var client = site.CreatePlainClient();
        var (_, page) = await client.GetPageAsync("/");
        var preload = page.QuerySelector("link[rel=preload][as=font]")!.GetAttribute("href")!;
        var stylesheet = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/css/site.", StringComparison.Ordinal));

        var css = await client.GetStringAsync(stylesheet);
        var asked = new Uri(new Uri("https://localhost" + stylesheet), FontUrl().Match(css).Groups[1].Value).AbsolutePath;

        Assert.Equal(asked, preload);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(preload)).StatusCode);
        // Fonts are fetched in CORS mode: a preload without crossorigin would be fetched a second time.
        Assert.True(page.QuerySelector("link[rel=preload][as=font]")!.HasAttribute("crossorigin"));
    }

    [Fact]
    public async Task EveryPage_LinksTheBaseAndFormStyles_AndAtMostOneMore()
    {
        var (_, page) = await site.CreatePlainClient().GetPageAsync("/");

        var sheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!.Split('.')[0]).ToList();
        Assert.Equal(["/css/site", "/css/forms", "/css/campaign"], sheets);
    }

    [GeneratedRegex(@"url\(""?([^"")]+\.woff2)""?\)")]
    private static partial Regex FontUrl();
}
