using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Integrationsoffensive.Tests.Features.Appeal;

/// <summary>Editors change files in content/; the site follows without a restart and survives mistakes.</summary>
public sealed class ContentReloadTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task EditedAppeal_ShowsOnTheNextRequest_WithoutRestart()
    {
        var client = _site.CreatePlainClient();
        var (_, before) = await client.GetPageAsync("/");
        Assert.Equal("Aufruf für eine Integrationsoffensive", before.QuerySelector("h1")!.Text());

        _site.WriteContent("aufruf.md", _site.ReadContent("aufruf.md")
            .Replace("title: Aufruf für eine Integrationsoffensive", "title: Aufruf für eine neue Integrationsoffensive", StringComparison.Ordinal));

        var (_, after) = await client.GetPageAsync("/");
        Assert.Equal("Aufruf für eine neue Integrationsoffensive", after.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task EditedDemand_ShowsOnTheNextRequest()
    {
        var client = _site.CreatePlainClient();
        await client.GetPageAsync("/");

        _site.WriteContent("forderungen/2.md", "---\nnumber: 2\ntitle: Anreize stärken\n---\n\nNeuer \"Text\".\n");

        var (_, document) = await client.GetPageAsync("/");
        Assert.Equal("2. Anreize stärken", document.QuerySelector("#forderung-2 h3")!.Text());
        Assert.Equal("Neuer „Text“.", document.QuerySelector("#forderung-2 .prose")!.Text());
    }

    [Fact]
    public async Task BrokenFrontMatter_KeepsTheLastGoodVersionOnline_AndLogsTheFile()
    {
        var client = _site.CreatePlainClient();
        await client.GetPageAsync("/");

        _site.WriteContent("aufruf.md", "---\ntitle: [unclosed\nlead: : :\n---\n\nKaputt.\n");

        var (response, document) = await client.GetPageAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Aufruf für eine Integrationsoffensive", document.QuerySelector("h1")!.Text());
        Assert.DoesNotContain("Kaputt", document.Body!.TextContent);
        Assert.Contains(_site.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("aufruf.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FrontMatterWithoutTitle_KeepsTheLastGoodStaticPage()
    {
        var client = _site.CreatePlainClient();
        await client.GetPageAsync("/impressum");

        _site.WriteContent("seiten/impressum.md", "---\ndescription: ohne Titel\n---\n\nNeu.\n");

        var (response, document) = await client.GetPageAsync("/impressum");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Impressum", document.QuerySelector("h1")!.Text());
        Assert.Contains(_site.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("seiten/impressum.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FixedFile_AfterABrokenOne_IsPickedUp()
    {
        var client = _site.CreatePlainClient();
        await client.GetPageAsync("/");
        _site.WriteContent("aufruf.md", "---\ntitle: [unclosed\n---\n");
        await client.GetPageAsync("/");

        _site.WriteContent("aufruf.md", "---\ntitle: Repariert\nversion: \"2\"\nlead: Ein Vorspann.\n---\n\nText.\n");

        var (_, document) = await client.GetPageAsync("/");
        Assert.Equal("Repariert", document.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task NewStaticPage_IsServedUnderItsFileName()
    {
        var client = _site.CreatePlainClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/presse")).StatusCode);

        _site.WriteContent("seiten/presse.md", "---\ntitle: Presse\n---\n\nKontakt für die Presse.\n");

        var (response, document) = await client.GetPageAsync("/presse");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Presse", document.QuerySelector("h1")!.Text());
    }
}
