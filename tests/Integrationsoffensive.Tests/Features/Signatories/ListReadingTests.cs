using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Signatories;

/// <summary>The list reads well: dates of publication, founders with their region, page numbers.</summary>
public sealed class ListReadingTests : IAsyncLifetime, IDisposable
{
    private readonly SiteFactory _site = new();

    public async Task InitializeAsync() => await _site.PublishedAsync(Applications.Details(name: "Datum Verein e. V."));

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task CoSigners_ShowTheDateTheyWerePublished()
    {
        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/unterzeichnende");

        var entry = page.QuerySelectorAll(".signatory:not(.signatory--founder)").Single();
        var time = entry.QuerySelector(".signatory__meta time")!;
        Assert.Equal("2026-11-25", time.GetAttribute("datetime"));
        Assert.Equal("25. November 2026", time.Text());
        Assert.Equal("Datum Verein\u00A0e.\u00A0V.", entry.QuerySelector(".signatory__name")!.TextContent);
    }

    [Theory]
    [InlineData("hessenweit", 6)]
    [InlineData("bundesweit", 3)]
    [InlineData("giessen", 0)]
    public async Task RegionFilter_IncludesTheFoundersOfThatRegion(string region, int founders)
    {
        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/unterzeichnende?region=" + region);

        Assert.Equal(founders, page.QuerySelectorAll(".signatory--founder").Length);
    }

    [Fact]
    public async Task TypeFilter_LeavesTheFoundersOut_TheyHaveNoType()
    {
        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/unterzeichnende?art=fluechtlingsinitiative");

        Assert.Empty(page.QuerySelectorAll(".signatory--founder"));
        Assert.Single(page.QuerySelectorAll(".signatory"));
    }
}
