using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Signatories;

public sealed class ListTests : IAsyncLifetime, IDisposable
{
    private readonly SiteFactory _site = new();

    public async Task InitializeAsync()
    {
        await Publish("Caritasverband Offenbach", "Offenbach am Main", "offenbach-stadt", "wohlfahrtsverband", website: "https://www.caritas-offenbach.example/kontakt");
        await Publish("Flüchtlingshilfe Groß-Gerau", "Groß-Gerau", "gross-gerau", "fluechtlingsinitiative", statement: "Weil wir\nhelfen.");
        await Publish("ver.di Bezirk Kassel", "Kassel", "kassel-stadt", "gewerkschaft");
        await Publish("<script>alert('x')</script>", "Wiesbaden", "wiesbaden", "sonstige", website: "javascript:alert(1)");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _site.Dispose();

    private async Task Publish(string name, string place, string region, string type, string? website = null, string? statement = null)
    {
        _site.Clock.Advance(TimeSpan.FromMinutes(1));
        await _site.PublishedAsync(new ApplicationDetails(new PublicFields(name, type, place, region, website, statement), "Anna Beispiel", $"{Guid.NewGuid():N}@beispiel.example", "0641 1"));
    }

    private async Task<(List<string> Founders, List<string> CoSigners, AngleSharp.Html.Dom.IHtmlDocument Page)> ListAsync(string query = "")
    {
        var (response, page) = await _site.CreatePlainClient().GetPageAsync("/unterzeichnende" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var founders = page.QuerySelectorAll(".signatory--founder .signatory__name").Select(e => e.Text()).ToList();
        var cosigners = page.QuerySelectorAll(".signatory:not(.signatory--founder) .signatory__name").Select(e => e.Text()).ToList();
        return (founders, cosigners, page);
    }

    [Fact]
    public async Task List_ShowsFoundersFirst_ThenCoSigners_AndTheTotal()
    {
        var (founders, cosigners, page) = await ListAsync();

        Assert.Equal(11, founders.Count);
        Assert.Equal("Diakonie Hessen", founders[0]);
        // The section's heading says they are founders; each entry shows its region instead of repeating it.
        Assert.DoesNotContain("Erstunterzeichnerin", page.QuerySelector(".founders")!.Text());
        Assert.Equal("hessenweit", page.QuerySelectorAll(".signatory--founder .signatory__meta")[0].Text());
        Assert.Equal(4, cosigners.Count);
        Assert.Contains("15 Organisationen", page.QuerySelector(".lead")!.Text());
    }

    [Theory]
    [InlineData("?suche=offenbach", "Caritasverband Offenbach")]
    [InlineData("?suche=OFFENBACH", "Caritasverband Offenbach")]
    [InlineData("?suche=gross-gerau", "Flüchtlingshilfe Groß-Gerau")]
    [InlineData("?suche=groß%20gerau", "Flüchtlingshilfe Groß-Gerau")]
    [InlineData("?suche=fluechtlingshilfe", "Flüchtlingshilfe Groß-Gerau")]
    [InlineData("?suche=kassel", "ver.di Bezirk Kassel")]
    [InlineData("?art=gewerkschaft", "ver.di Bezirk Kassel")]
    [InlineData("?region=gross-gerau", "Flüchtlingshilfe Groß-Gerau")]
    [InlineData("?art=wohlfahrtsverband&region=offenbach-stadt", "Caritasverband Offenbach")]
    public async Task Filters_FindExactlyTheMatchingCoSigner(string query, string expected)
    {
        var (_, cosigners, _) = await ListAsync(query);

        Assert.Equal([expected], cosigners);
    }

    [Fact]
    public async Task TypeOrRegionFilter_HidesTheFounders_SearchKeepsMatchingOnes()
    {
        Assert.Empty((await ListAsync("?art=gewerkschaft")).Founders);
        Assert.Equal(["DGB Hessen-Thüringen"], (await ListAsync("?suche=dgb")).Founders);
    }

    [Fact]
    public async Task Sort_AZ_OrNewestFirst()
    {
        Assert.Equal(["<script>alert('x')</script>", "Caritasverband Offenbach", "Flüchtlingshilfe Groß-Gerau", "ver.di Bezirk Kassel"], (await ListAsync()).CoSigners);
        Assert.Equal(["<script>alert('x')</script>", "ver.di Bezirk Kassel", "Flüchtlingshilfe Groß-Gerau", "Caritasverband Offenbach"], (await ListAsync("?sortierung=neu")).CoSigners);
    }

    [Theory]
    [InlineData("?seite=0")]
    [InlineData("?seite=-3")]
    [InlineData("?seite=999")]
    [InlineData("?seite=abc")]
    [InlineData("?art=gibt-es-nicht&region=%3Cscript%3E")]
    [InlineData("?suche=%25%27%22")]
    public async Task OddQueries_LeadToASensiblePage(string query)
    {
        var client = _site.CreatePlainClient();
        var response = await client.GetAsync("/unterzeichnende" + query);
        var canonical = response.StatusCode == System.Net.HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : "/unterzeichnende" + query;

        var (_, cosigners, page) = await ListAsync(canonical["/unterzeichnende".Length..]);

        Assert.Equal("Unterzeichnende", page.QuerySelector("h1")!.Text());
        Assert.True(cosigners.Count is 0 or 4, $"{cosigners.Count} entries");
    }

    [Fact]
    public async Task Entry_ShowsPlaceTypeDomainLinkAndStatement_AndHostileNamesAsText()
    {
        var (_, _, page) = await ListAsync();

        var caritas = page.QuerySelectorAll(".signatory").Single(e => e.Text().Contains("Caritasverband", StringComparison.Ordinal));
        Assert.Contains("Offenbach am Main · Wohlfahrtsverband", caritas.Text());
        var link = caritas.QuerySelector("a.signatory__website")!;
        Assert.Equal("caritas-offenbach.example", link.Text());
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.Contains("Weil wir", page.QuerySelector(".signatory__statement")!.Text());
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(page.QuerySelectorAll("a[href^='javascript']"));
    }

    [Fact]
    public async Task TheAlphabet_ShowsANewInitial_AsSoonAsItsCoSignerIsPublished()
    {
        // The jump index is kept between evictions (LetterIndex): publishing evicts, so the next
        // render counts anew.
        var (_, _, before) = await ListAsync();
        Assert.DoesNotContain("Z", before.QuerySelectorAll(".alphabet a").Select(a => a.Text()));

        await Publish("Zuflucht Fulda", "Fulda", "fulda", "sonstige");

        var (_, _, after) = await ListAsync();
        Assert.Contains("Z", after.QuerySelectorAll(".alphabet a").Select(a => a.Text()));
    }

    [Fact]
    public async Task ReadersInParallelWithPublications_AfterTheLast_EveryPageShowsEveryInitial()
    {
        // The kept jump index with readers and publications at once: no failed page meanwhile, and
        // afterwards every page counts every new initial.
        for (var i = 0; i < 55; i++)
        {
            await Publish($"Arbeitskreis {i:00}", "Fulda", "fulda", "sonstige");
        }

        using var readers = new ParallelReaders(_site, 16, (reader, n) =>
            new HttpRequestMessage(HttpMethod.Get, (reader + n) % 2 == 0 ? "/unterzeichnende" : "/unterzeichnende?seite=2"));
        foreach (var name in new[] { "Brückenbauer", "Quartiershilfe", "Zuflucht", "Ökumenischer Kreis", "Jugendhilfe" })
        {
            await readers.WaitForReadsAsync(32); // they are reading
            await Publish(name + " Hessen", "Kassel", "kassel-stadt", "sonstige");
        }

        Assert.Empty(await readers.StopAsync());
        var pages = await Task.WhenAll(Enumerable.Range(0, 16).Select(n => ListAsync(n % 2 == 0 ? "" : "?seite=2")));
        Assert.All(pages, page => Assert.Equal(["#", "A", "B", "C", "F", "J", "O", "Q", "V", "Z"], page.Page.QuerySelectorAll(".alphabet a").Select(a => a.Text())));
    }

    [Fact]
    public async Task Pagination_AndTheAlphabet_LinkToTheRightPage()
    {
        for (var i = 0; i < 55; i++)
        {
            await Publish($"Zuflucht {i:00}", "Fulda", "fulda", "sonstige");
        }

        var (_, first, page) = await ListAsync();
        Assert.Equal(50, first.Count);
        Assert.Contains("Seite 1 von 2", page.QuerySelector(".pagination")!.Text());
        var z = page.QuerySelectorAll(".alphabet a").Single(a => a.Text() == "Z").GetAttribute("href");
        Assert.Equal("/unterzeichnende#buchstabe-z", z);
        Assert.Equal(["#", "C", "F", "V", "Z"], page.QuerySelectorAll(".alphabet a").Select(a => a.Text()));
        Assert.NotNull(page.GetElementById("buchstabe-z"));

        var (_, second, secondPage) = await ListAsync("?seite=2");
        Assert.Equal(9, second.Count);
        Assert.Empty(secondPage.QuerySelectorAll(".signatory--founder"));
        Assert.Equal("/unterzeichnende", secondPage.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
    }
}
