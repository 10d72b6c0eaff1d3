using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>Known organizations by folded name and website host, as the import fills it row by row.</summary>
public sealed class DuplicateIndexTests
{
    private static PublicFields Fields(string name, string? website = null) =>
        new(name, "sonstige", "Musterstadt", "giessen", website, null);

    private static DuplicateIndex IndexOf(params (string Label, PublicFields Fields)[] rows)
    {
        var index = new DuplicateIndex();
        foreach (var (label, fields) in rows)
        {
            index.Add(new DuplicateMatch(label, fields.OrganizationName), fields);
        }

        return index;
    }

    [Fact]
    public void Find_BySpellingOfAKnownName()
    {
        var index = IndexOf(("Zeile 1", Fields("Verein Zuflucht e. V.")));

        Assert.Equal(new DuplicateMatch("Zeile 1", "Verein Zuflucht e. V."), index.Find(Fields("VEREIN-ZUFLUCHT")));
    }

    [Fact]
    public void Find_ByTheWebsiteHost_WhateverTheName()
    {
        var index = IndexOf(("Zeile 1", Fields("Verein Zuflucht", "https://zuflucht.example")));

        Assert.Equal("Zeile 1", index.Find(Fields("Zuflucht Musterstadt", "http://www.zuflucht.example/kontakt"))?.Label);
    }

    [Fact]
    public void Find_OfAnUnknownOrganization_IsNull()
    {
        var index = IndexOf(("Zeile 1", Fields("Verein Zuflucht", "https://zuflucht.example")));

        Assert.Null(index.Find(Fields("Anderer Verein", "https://anderer.example")));
        Assert.Null(index.Find(Fields("Anderer Verein")));
    }

    [Fact]
    public void Find_WithoutWebsites_NeverMatchesByHost()
    {
        var index = IndexOf(("Zeile 1", Fields("Verein Zuflucht")));

        Assert.Null(index.Find(Fields("Anderer Verein", "keine Adresse")));
    }

    [Theory]
    [InlineData("https://www.facebook.com/zuflucht", "https://facebook.com/anderer")]
    [InlineData("https://instagram.com/zuflucht", "https://www.instagram.com/anderer")]
    [InlineData("https://linktr.ee/zuflucht", "https://linktr.ee/anderer")]
    [InlineData("https://wordpress.com/zuflucht", "https://wordpress.com/anderer")]
    public void Find_OnAHostManyOrganizationsShare_DoesNotMatchByHost(string known, string asked)
    {
        var index = IndexOf(("Zeile 1", Fields("Verein Zuflucht", known)));

        Assert.Null(index.Find(Fields("Anderer Verein", asked)));
    }

    [Fact]
    public void Find_TheFirstOrganizationAdded_WinsForNameAndHost()
    {
        var index = IndexOf(
            ("Zeile 1", Fields("Verein Zuflucht", "https://zuflucht.example")),
            ("Zeile 2", Fields("Verein Zuflucht", "https://zuflucht.example")));

        Assert.Equal("Zeile 1", index.Find(Fields("Verein Zuflucht"))?.Label);
        Assert.Equal("Zeile 1", index.Find(Fields("Anderer Verein", "https://zuflucht.example"))?.Label);
    }

    [Fact]
    public void Find_ByName_GoesBeforeByHost()
    {
        var index = IndexOf(
            ("Zeile 1", Fields("Verein Zuflucht", "https://zuflucht.example")),
            ("Zeile 2", Fields("Anderer Verein", "https://anderer.example")));

        Assert.Equal("Zeile 2", index.Find(Fields("Anderer Verein", "https://zuflucht.example"))?.Label);
    }

    [Fact]
    public void ApplicationMatch_IsLabelledWithItsNumber_AndKeepsItsId_ForTheLink() =>
        Assert.Equal(new DuplicateMatch("Nr. 12", "Verein Zuflucht", 12), DuplicateMatch.Application(12, "Verein Zuflucht"));
}
