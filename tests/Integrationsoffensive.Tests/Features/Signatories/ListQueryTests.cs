using Integrationsoffensive.Features.Signatories;

namespace Integrationsoffensive.Tests.Features.Signatories;

/// <summary>The public list's query string: read safely, and written back with exactly one address per view.</summary>
public sealed class ListQueryTests
{
    private static ListQuery From(string? art = null, string? region = null, string? suche = null, string? sortierung = null, string? seite = null) =>
        ListQuery.From(art, region, suche, sortierung, seite);

    [Fact]
    public void From_WithKnownValues_KeepsThemAll()
    {
        var query = From("kirche", "gross-gerau", "  Groß-Gerau ", "neu", "3");

        Assert.Equal(new ListQuery("kirche", "gross-gerau", "Groß-Gerau", true, 3), query);
        Assert.Equal("gross gerau", query.Search);
        Assert.True(query.IsFiltered);
    }

    [Fact]
    public void From_Nothing_IsTheFirstPageOfEverything_AToZ()
    {
        var query = From();

        Assert.Equal(new ListQuery(null, null, null, false, 1), query);
        Assert.Null(query.Search);
        Assert.False(query.IsFiltered);
        Assert.Empty(query.RouteValues());
    }

    [Theory]
    [InlineData("Kirche")]
    [InlineData("kirch")]
    [InlineData("<script>")]
    [InlineData("")]
    public void From_AnUnknownType_IsIgnored(string art) => Assert.Null(From(art: art).Type);

    [Theory]
    [InlineData("Fulda")]
    [InlineData("hessen")]
    [InlineData("")]
    public void From_AnUnknownRegion_IsIgnored(string region) => Assert.Null(From(region: region).Region);

    [Theory]
    [InlineData("alt")]
    [InlineData("Neu")]
    public void From_AnySortOtherThanNeu_IsAToZ(string sortierung) => Assert.False(From(sortierung: sortierung).Newest);

    [Theory]
    [InlineData("2", 2)]
    [InlineData("120", 120)]
    [InlineData("1", 1)]
    [InlineData("0", 1)]
    [InlineData("-3", 1)]
    [InlineData("+3", 1)]
    [InlineData(" 3", 1)]
    [InlineData("drei", 1)]
    [InlineData("99999999999", 1)]
    public void From_APageThatIsNoPositiveNumber_IsTheFirst(string seite, int page) => Assert.Equal(page, From(seite: seite).Page);

    [Theory]
    [InlineData("   ", null)]
    [InlineData("Zuflucht\r\nMusterstadt", "Zuflucht Musterstadt")]
    public void From_TheSearch_IsCleanedLikeEveryInput(string suche, string? text) => Assert.Equal(text, From(suche: suche).SearchText);

    [Fact]
    public void From_ALongSearch_IsCutTo100Characters()
    {
        Assert.Equal(new string('x', 100), From(suche: new string('x', 150)).SearchText);
        Assert.Equal(new string('x', 100), From(suche: new string('x', 100)).SearchText);
        Assert.Equal("kurz", From(suche: "kurz").SearchText);
    }

    [Theory]
    [InlineData("kirche", null, null)]
    [InlineData(null, "fulda", null)]
    [InlineData(null, null, "Zuflucht")]
    public void IsFiltered_ByAnyOneFilter(string? art, string? region, string? suche) =>
        Assert.True(From(art, region, suche).IsFiltered);

    [Fact]
    public void RouteValues_KeepEveryFilter_AndTheSort()
    {
        var query = From("kirche", "fulda", "Zuflucht", "neu", "4");

        Assert.Equal(
            new Dictionary<string, string> { ["art"] = "kirche", ["region"] = "fulda", ["suche"] = "Zuflucht", ["sortierung"] = "neu", ["seite"] = "4" },
            query.RouteValues());
    }

    [Theory]
    [InlineData("art", "kirche")]
    [InlineData("region", "fulda")]
    [InlineData("suche", "Zuflucht")]
    [InlineData("sortierung", "neu")]
    public void RouteValues_OfAnotherPage_KeepTheFilterAndChangeOnlyThePage(string key, string value)
    {
        var query = From(
            art: key == "art" ? value : null,
            region: key == "region" ? value : null,
            suche: key == "suche" ? value : null,
            sortierung: key == "sortierung" ? value : null,
            seite: "2");

        Assert.Equal(new Dictionary<string, string> { [key] = value, ["seite"] = "7" }, query.RouteValues(7));
        Assert.Equal(new Dictionary<string, string> { [key] = value }, query.RouteValues(1));
        Assert.Equal(new Dictionary<string, string> { [key] = value, ["seite"] = "2" }, query.RouteValues());
    }

    [Fact]
    public void RouteValues_OfTheFirstPage_LeaveThePageOut_SoEachViewHasOneAddress()
    {
        Assert.Empty(From(seite: "5").RouteValues(1));
        Assert.Equal(new Dictionary<string, string> { ["seite"] = "2" }, From().RouteValues(2));
        Assert.Equal(new Dictionary<string, string> { ["seite"] = "12345" }, From().RouteValues(12345));
    }
}
