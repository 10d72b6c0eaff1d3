using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>The duplicate check's similar names (the threshold and its limits), its order of precedence, and an application never matching itself.</summary>
public sealed class SimilarNamesTests
{
    private static PublicFields Fields(string name, string? website = null) => new(name, "sonstige", "Kassel", "kassel-stadt", website, null);

    private static DuplicateIndex IndexOf(params (int Id, string Name, string? Website)[] known)
    {
        var index = new DuplicateIndex();
        foreach (var (id, name, website) in known)
        {
            index.Add(DuplicateMatch.Application(id, name), Fields(name, website));
        }

        return index;
    }

    [Theory]
    [InlineData("Diakonie Hessen", "DIAKONIE-HESSEN e. V.")]
    [InlineData("Diakonie Hessen", "Diakonie Hesen")]
    [InlineData("Diakonie Hessen", "Diakonie Hesssen")]
    [InlineData("Hessischer Flüchtlingsrat", "Hessischer Flüchtlingsrta")]
    [InlineData("Flüchtlingshilfe Gießen", "Flüchtlingshilfe Giesen")]
    [InlineData("Landesverband Evangelische Kirchengemeinde Marburg", "Evangelische Kirchengemeinde Marbug")]
    public void SameOrSimilarName_IsADuplicate(string known, string typed) =>
        Assert.Equal("Nr. 7", IndexOf((7, known, null)).Find(Fields(typed))?.Label);

    [Theory]
    [InlineData("AWO Kreisverband Fulda", "AWO Kreisverband Kassel")]
    [InlineData("Evangelische Kirchengemeinde Marburg", "Evangelische Kirchengemeinde Hanau")]
    [InlineData("ver.di Ortsverein 1", "ver.di Ortsverein 2")]
    [InlineData("SV Eintracht 1860", "SV Eintracht 1880")]
    [InlineData("Asyl e. V.", "Asol e. V.")] // short names must match exactly: one edit is too much of them
    [InlineData("Caritas Frankfurt", "Caritas Frankfurt am Main Jugendhilfe")]
    public void DifferentOrganizations_WithAlikeNames_AreNotDuplicates(string known, string typed) =>
        Assert.Null(IndexOf((7, known, null)).Find(Fields(typed)));

    [Fact]
    public void Similarity_IsTheNormalizedLevenshteinSimilarity_AtTheDocumentedThreshold()
    {
        Assert.Equal(1 - (1.0 / 14), SimilarNames.Similarity("diakoniehessen", "diakoniehesen"), 6);
        Assert.Equal(0.9, SimilarNames.Similarity("abcdefghij", "abcdefghix"), 6); // exactly one edit in ten: still alike
        Assert.Equal(0, SimilarNames.Similarity("abcdefghi", "abcdefghx")); // one in nine: not
        Assert.Equal(0, SimilarNames.Similarity("abcdefghijklmnopqrst", "abcdefghijklmnopqxyz")); // three in twenty: not
    }

    [Fact]
    public void TheSameName_WinsOverTheSameWebsite_WhichWinsOverASimilarName()
    {
        var index = IndexOf((1, "Flüchtlingshilfe Marburg Nort", null), (2, "Verein X", "https://fluechtlingshilfe.example"), (3, "Flüchtlingshilfe Marburg Nord", null));

        Assert.Equal("Nr. 3", index.Find(Fields("Flüchtlingshilfe Marburg Nord", "https://fluechtlingshilfe.example"))?.Label);
        Assert.Equal("Nr. 2", index.Find(Fields("Flüchtlingshilfe Marburg Nordd", "https://fluechtlingshilfe.example"))?.Label);
        Assert.Equal("Nr. 3", index.Find(Fields("Flüchtlingshilfe Marburg Nordd"))?.Label); // the more similar of two alike
    }

    [Fact]
    public void AnApplication_IsNeverItsOwnDuplicate_ButTheOtherOneWithItsNameIs()
    {
        var index = IndexOf((5, "Café International", null), (9, "Cafe International", null));

        Assert.Equal("Nr. 9", index.Find(Fields("Café International"), except: 5)?.Label);
        Assert.Equal("Nr. 5", index.Find(Fields("Cafe International"), except: 9)?.Label);
        Assert.Null(IndexOf((5, "Café International", null)).Find(Fields("Café International"), except: 5));
    }
}
