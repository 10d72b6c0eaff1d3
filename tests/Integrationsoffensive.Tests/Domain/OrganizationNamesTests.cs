using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>Folding names: for the duplicate check (one key per organization) and for the public search.</summary>
public sealed class OrganizationNamesTests
{
    [Theory]
    [InlineData("Diakonie Hessen", "DIAKONIE  HESSEN")]
    [InlineData("Diakonie Hessen", "diakoniehessen")]
    [InlineData("Café Zuflucht", "Cafe\u0301 Zuflucht")]
    public void OrganizationNames_CompareWithoutCaseSpacesOrUnicodeForm(string a, string b) =>
        Assert.Equal(OrganizationNames.Normalize(a), OrganizationNames.Normalize(b));

    [Theory]
    [InlineData("Diakonie Hessen", "diakoniehessen")]
    [InlineData("Diakonie-Hessen e. V.", "diakoniehessen")]
    [InlineData("Diakonie Hessen e.V.", "diakoniehessen")]
    [InlineData("Diakonie Hessen eV", "diakoniehessen")]
    [InlineData("Landesverband Diakonie Hessen", "diakoniehessen")]
    [InlineData("AWO Landesverband Hessen", "awohessen")]
    [InlineData("Flüchtlingshilfe Groß-Gerau", "fluechtlingshilfegrossgerau")]
    [InlineData("„Respekt!“ – Kein Platz für Rassismus", "respektkeinplatzfuerrassismus")]
    [InlineData("Initiative 2000", "initiative2000")]
    [InlineData("ab cd", "abcd")]
    [InlineData("x", "x")]
    public void Normalize_FoldsSpellingsOfOneOrganizationIntoOneKey(string name, string key) =>
        Assert.Equal(key, OrganizationNames.Normalize(name));

    [Theory]
    [InlineData("eV", "ev")]
    [InlineData("e. V.", "ev")]
    [InlineData("Hessen e", "hessene")]
    [InlineData("Verein V", "vereinv")]
    [InlineData("Verein ev Hessen", "vereinevhessen")]
    [InlineData("Verein e. V. Hessen", "vereinevhessen")]
    [InlineData("", "")]
    [InlineData("!!!", "")]
    public void Normalize_DropsTheLegalFormOnlyAtTheEndOfALongerName(string name, string key) =>
        Assert.Equal(key, OrganizationNames.Normalize(name));

    [Theory]
    [InlineData("Offenbach", "offenbach")]
    [InlineData("Groß-Gerau", "gross gerau")]
    [InlineData("gross gerau", "gross gerau")]
    [InlineData("Bürgerhaus Ölmühle Übach", "buergerhaus oelmuehle uebach")]
    [InlineData("Ärztinnen für Gärten", "aerztinnen fuer gaerten")]
    [InlineData("Café Zuflucht", "cafe zuflucht")]
    [InlineData("Cafe\u0301 Zuflucht", "cafe zuflucht")]
    [InlineData("Ça Va Señor", "ca va senor")]
    [InlineData("  Verein \t  Hessen  ", "verein hessen")]
    [InlineData("Verein – Hessen", "verein hessen")]
    [InlineData("-Verein-", "verein")]
    [InlineData("Verein e. V.", "verein e. v.")]
    [InlineData("", "")]
    public void SearchKey_FoldsCaseUmlautsAccentsHyphensAndSpaces(string text, string key) =>
        Assert.Equal(key, OrganizationNames.SearchKey(text));
}
