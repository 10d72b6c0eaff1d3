using System.Net;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Integrationsoffensive.Tests.Features.Appeal;

public sealed class StaticPagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/impressum", "Impressum", "§ 5")]
    [InlineData("/datenschutz", "Datenschutzerklärung", "Art. 13")]
    [InlineData("/barrierefreiheit", "Erklärung zur Barrierefreiheit", "(WCAG) 2.2")]
    public async Task Get_StaticPage_RendersItsMarkdownInTheLayout(string path, string title, string mustMention)
    {
        var (response, document) = await site.CreatePlainClient().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, Assert.Single(document.QuerySelectorAll("h1")).Text());
        Assert.Contains(mustMention, document.QuerySelector("main")!.Text());
        Assert.NotEmpty(document.QuerySelectorAll("main h2"));
        Assert.Equal(SiteFactory.PublicBaseUrl + path, document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Start_WithPlaceholdersInContent_LogsOneWarningNamingTheFiles()
    {
        await site.CreatePlainClient().GetAsync("/healthz");

        var warning = Assert.Single(site.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("placeholders", StringComparison.Ordinal));
        Assert.Contains("seiten/impressum.md", warning.Message);
        Assert.Contains("seiten/datenschutz.md", warning.Message);
        Assert.DoesNotContain("aufruf.md", warning.Message);
    }

    [Fact]
    public async Task EveryInternalLink_OnEveryPublicPage_Resolves()
    {
        var client = site.CreatePlainClient();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        while (queue.Count > 0)
        {
            var page = queue.Dequeue();
            var (response, document) = await client.GetPageAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
            var links = document.QuerySelectorAll("a[href^='/'], link[href^='/']")
                .Select(a => a.GetAttribute("href")!.Split('#')[0])
                .Where(href => href.Length > 0);
            foreach (var link in links.Where(seen.Add))
            {
                queue.Enqueue(link);
            }
        }

        Assert.Contains("/datenschutz", seen);
        Assert.Contains("/mitzeichnen", seen);
    }
}

public sealed class StaticPagesWithoutPlaceholdersTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Start_WithoutPlaceholders_LogsNoPlaceholderWarning()
    {
        foreach (var page in new[] { "impressum", "datenschutz", "barrierefreiheit" })
        {
            _site.WriteContent($"seiten/{page}.md", $"---\ntitle: {page}\n---\n\nAlles ausgefüllt.\n");
        }

        await _site.CreatePlainClient().GetAsync("/healthz");

        Assert.DoesNotContain(_site.Logs.Entries, e => e.Message.Contains("placeholders", StringComparison.Ordinal));
    }
}
