using System.Text.RegularExpressions;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Content;

/// <summary>
/// The shipped content/ must keep the appeal exactly as it was signed. The source text came out of
/// a PDF with line-break hyphens; these tests pin how it was cleaned: broken words joined, real
/// hyphens and the gender star kept. They read the editors' content on purpose (see RepositoryContentSite).
/// </summary>
public sealed partial class SignedTextTests(RepositoryContentSite site) : IClassFixture<RepositoryContentSite>
{
    private async Task<string> GetAppealTextAsync()
    {
        var (_, document) = await site.CreatePlainClient().GetPageAsync("/");
        return document.QuerySelector("article.appeal")!.Text();
    }

    [Theory]
    [InlineData("Sondierungspapiers")]
    [InlineData("„Migration und Integration“")]
    [InlineData("Europäische Menschenrechtskonvention")]
    [InlineData("Verantwortungsträger*innen")]
    [InlineData("verantwortungsvolle Integrationspolitik")]
    [InlineData("lebenden Geflüchteten und Migrant*innen")]
    [InlineData("zukunftsorientierte Integrationspolitik")]
    [InlineData("drei zentrale politische Handlungserfordernisse")]
    [InlineData("in Hessen lebende Migrant*innen und Geflüchtete")]
    [InlineData("Ausgrenzungsstrategien")]
    [InlineData("Gesundheits- und Sozialwesen")]
    [InlineData("sogenannten Rückführungszentren")]
    [InlineData("aus politisch-ideologischen Gründen")]
    [InlineData("Aufenthaltssicherung")]
    [InlineData("gering Qualifizierte")]
    [InlineData("Dimensionen der Daseinsvorsorge")]
    [InlineData("an einem zukunftsfähigen, demokratischen")]
    public async Task Get_Home_JoinsWordsTheSourceHyphenatedAtLineEnds(string expected) =>
        Assert.Contains(expected, await GetAppealTextAsync());

    [Theory]
    [InlineData("Sozial- und Gesundheitsinfrastruktur")]
    [InlineData("(sozial-)wirtschaftlich")]
    [InlineData("Migrations- und Flüchtlingspolitik")]
    [InlineData("Integrationsangebote und -rechte")]
    [InlineData("Bundes- und Länderebene")]
    [InlineData("Auf- und Ausbau")]
    [InlineData("Haupt- und Ehrenamtliche")]
    [InlineData("völker- und menschenrechtliche")]
    public async Task Get_Home_KeepsRealHyphens(string expected) =>
        Assert.Contains(expected, await GetAppealTextAsync());

    [Fact]
    public async Task Get_Home_HasNoHyphenatedWordOutsideTheKnownCompounds()
    {
        var text = await GetAppealTextAsync();

        // Every word with an inner hyphen the appeal really contains; a leftover break ("Integrati-on") fails here.
        var hyphenated = InnerHyphen().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["politisch-ideologischen"], hyphenated);
    }

    [Fact]
    public async Task Get_Home_UsesGermanQuotesAndDashes_NeverStraightQuotes()
    {
        var text = await GetAppealTextAsync();

        Assert.DoesNotContain("\"", text);
        Assert.Contains("„Integrationsoffensive“", text);
        Assert.Contains(" – nicht zuletzt aufgrund der Erfahrungen des Nationalsozialismus – ", text);
    }

    [GeneratedRegex(@"\p{L}+-\p{L}+")]
    private static partial Regex InnerHyphen();
}
