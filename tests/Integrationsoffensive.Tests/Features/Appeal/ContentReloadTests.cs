using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Integrationsoffensive.Tests.Features.Appeal;

/// <summary>
/// Editors change files in content/; the site follows without a restart (as soon as the file system
/// reports the change, at the latest after ContentStore.VersionMaxAge) and survives mistakes.
/// </summary>
public sealed class ContentReloadTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>The page as soon as it shows what <paramref name="shows"/> expects.</summary>
    private static Task<AngleSharp.Html.Dom.IHtmlDocument> PageOnceAsync(HttpClient client, string path, Func<AngleSharp.Html.Dom.IHtmlDocument, bool> shows) =>
        Eventually.WaitForAsync(async () => (await client.GetPageAsync(path)).Document, shows, page => $"{path} did not follow the edit: {page.QuerySelector("h1")?.TextContent}", TimeSpan.FromSeconds(5));

    private Task<LogEntry?> ErrorNamingAsync(HttpClient client, string path, string file) =>
        Eventually.WaitForAsync<LogEntry?>(async () =>
        {
            await client.GetAsync(path);
            return _site.Logs.Entries.FirstOrDefault(e => e.Level == LogLevel.Error && e.Message.Contains(file, StringComparison.Ordinal));
        }, entry => entry is not null, _ => "no error naming " + file, TimeSpan.FromSeconds(5))!;

    [Fact]
    public async Task EditedAppeal_ShowsWithoutRestart()
    {
        var client = _site.CreatePlainClient();
        var (_, before) = await client.GetPageAsync("/");
        Assert.Equal("Aufruf für eine Integrationsoffensive", before.QuerySelector("h1")!.Text());

        _site.WriteContent("aufruf.md", _site.ReadContent("aufruf.md")
            .Replace("title: Aufruf für eine Integrationsoffensive", "title: Aufruf für eine neue Integrationsoffensive", StringComparison.Ordinal));

        var after = await PageOnceAsync(client, "/", page => page.QuerySelector("h1")!.Text() != "Aufruf für eine Integrationsoffensive");
        Assert.Equal("Aufruf für eine neue Integrationsoffensive", after.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task EditedDemand_Shows()
    {
        var client = _site.CreatePlainClient();
        await client.GetPageAsync("/");

        _site.WriteContent("forderungen/2.md", "---\nnumber: 2\ntitle: Anreize stärken\n---\n\nNeuer \"Text\".\n");

        var document = await PageOnceAsync(client, "/", page => page.QuerySelector("#forderung-2 h3")!.Text() == "2. Anreize stärken");
        Assert.Equal("Neuer „Text“.", document.QuerySelector("#forderung-2 .prose")!.Text());
    }

    [Fact]
    public async Task BrokenFrontMatter_KeepsTheLastGoodVersionOnline_AndLogsTheFile()
    {
        var client = _site.CreatePlainClient();
        await client.GetPageAsync("/");

        _site.WriteContent("aufruf.md", "---\ntitle: [unclosed\nlead: : :\n---\n\nKaputt.\n");

        await ErrorNamingAsync(client, "/", "aufruf.md");
        var (response, document) = await client.GetPageAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Aufruf für eine Integrationsoffensive", document.QuerySelector("h1")!.Text());
        Assert.DoesNotContain("Kaputt", document.Body!.TextContent);
    }

    [Fact]
    public async Task FrontMatterWithoutTitle_KeepsTheLastGoodStaticPage()
    {
        var client = _site.CreatePlainClient();
        await client.GetPageAsync("/impressum");

        _site.WriteContent("seiten/impressum.md", "---\ndescription: ohne Titel\n---\n\nNeu.\n");

        await ErrorNamingAsync(client, "/impressum", "seiten/impressum.md");
        var (response, document) = await client.GetPageAsync("/impressum");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Impressum", document.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task FixedFile_AfterABrokenOne_IsPickedUp()
    {
        var client = _site.CreatePlainClient();
        await client.GetPageAsync("/");
        _site.WriteContent("aufruf.md", "---\ntitle: [unclosed\n---\n");
        await client.GetPageAsync("/");

        _site.WriteContent("aufruf.md", "---\ntitle: Repariert\nversion: \"2\"\nlead: Ein Vorspann.\n---\n\nText.\n");

        var document = await PageOnceAsync(client, "/", page => page.QuerySelector("h1")!.Text() == "Repariert");
        Assert.Equal("Repariert", document.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task NewStaticPage_IsServedUnderItsFileName()
    {
        var client = _site.CreatePlainClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/presse")).StatusCode);

        _site.WriteContent("seiten/presse.md", "---\ntitle: Presse\n---\n\nKontakt für die Presse.\n");

        var document = await PageOnceAsync(client, "/presse", page => page.QuerySelector("h1")?.Text() == "Presse");
        Assert.Equal("Presse", document.QuerySelector("h1")!.Text());
    }
}
