using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Content;

/// <summary>
/// The shipped translations (content/en, content/leichte-sprache) are complete — every part of the
/// German appeal, translating its current version — and the Leichte Sprache keeps the rules that
/// a program can check. They read the editors' content on purpose (see RepositoryContentSite).
/// </summary>
public sealed partial class TranslationContentTests(RepositoryContentSite site) : IClassFixture<RepositoryContentSite>
{
    [Theory]
    [InlineData("/en", "en")]
    [InlineData("/leichte-sprache", "de")]
    public async Task ShippedTranslation_HasEveryPartOfTheGermanAppeal(string path, string lang)
    {
        var client = site.CreatePlainClient();
        var (_, german) = await client.GetPageAsync("/");
        var (_, translation) = await client.GetPageAsync(path);

        Assert.Equal(lang, translation.DocumentElement.GetAttribute("lang"));
        Assert.NotEmpty(translation.QuerySelector(".appeal-hero__summary")!.Text());
        Assert.True(translation.QuerySelector(".lead")!.Text().Length > 200, "the lead is translated");
        Assert.True(translation.QuerySelector(".appeal > .prose")!.Text().Length > 500, "the text is translated");
        Assert.Equal(german.QuerySelectorAll(".demand").Select(d => d.Id), translation.QuerySelectorAll(".demand").Select(d => d.Id));
        Assert.All(translation.QuerySelectorAll(".demand .prose"), d => Assert.True(d.Text().Length > 400, "every demand is translated in full"));
        Assert.True(translation.QuerySelector(".closing .prose")!.Text().Length > 300, "the closing call is translated");
        Assert.Equal(german.QuerySelectorAll(".founders-block__list li").Select(l => l.Text()), translation.QuerySelectorAll(".founders-block__list li").Select(l => l.Text()));
    }

    [Theory]
    [InlineData("en/aufruf.md")]
    [InlineData("leichte-sprache/aufruf.md")]
    public void ShippedTranslation_TranslatesTheVersionInForce(string file)
    {
        static string Version(string path) => VersionLine().Match(File.ReadAllText(Path.Combine(RepositoryPaths.Content, path))).Groups[1].Value;

        Assert.Equal(Version("aufruf.md"), Version(file));
    }

    [Fact]
    public async Task English_KeepsTheFactsOfTheOriginal_AndUsesEnglishQuotationMarks()
    {
        var (_, document) = await site.CreatePlainClient().GetPageAsync("/en");
        var text = document.QuerySelector("main")!.Text();

        foreach (var fact in (string[])["November 2023", "CDU and SPD", "Geneva Refugee Convention", "European Convention on Human Rights", "49th out of 53", "Expat City Ranking 2023", "National Socialism"])
        {
            Assert.Contains(fact, text);
        }

        Assert.DoesNotContain("„", text);
    }

    [Fact]
    public async Task LeichteSprache_HasShortSentences_NumbersAsDigits_NoAbbreviations_NoGenitiveOrPassiveMarkers()
    {
        var (_, document) = await site.CreatePlainClient().GetPageAsync("/leichte-sprache");
        var sentences = Sentences(document.QuerySelector("main")!).ToList();

        Assert.True(sentences.Count > 150, $"only {sentences.Count} sentences");
        Assert.All(sentences, s => Assert.True(Words(s) <= 15, $"too long ({Words(s)} words): {s}"));
        Assert.True(sentences.Average(Words) <= 8, $"sentences average {sentences.Average(Words):0.0} words");
        var text = string.Join('\n', sentences);
        Assert.Empty(NumberWord().Matches(text).Select(m => m.Value));
        Assert.Empty(Abbreviation().Matches(text).Select(m => m.Value));
        Assert.Empty(GenitiveMarker().Matches(text).Select(m => m.Value));
        Assert.Empty(Passive().Matches(text).Select(m => m.Value));
    }

    private static int Words(string sentence) => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    // Each line of the page is one statement; a line may hold a short heading or a list item.
    private static IEnumerable<string> Sentences(IElement main)
    {
        foreach (var br in main.QuerySelectorAll("br").ToList())
        {
            br.Replace(main.Owner!.CreateTextNode("\n"));
        }

        return main.QuerySelectorAll("p, li, h1, h2, h3")
            .SelectMany(e => e.TextContent.Split('\n'))
            .SelectMany(line => SentenceEnd().Split(line))
            .Select(s => string.Join(' ', s.Split((char[])[' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(s => s.Length > 0);
    }

    [GeneratedRegex(@"^version:\s*""?([^""\n]+)""?", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"(?<=[.!?:])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|hundert|tausend)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\b(z\. ?B|u\. ?a|d\. ?h|bzw|usw|ca|inkl|etc|ggf|evtl|bspw|Nr)\.")]
    private static partial Regex Abbreviation();

    // "des", and prepositions that take the genitive.
    [GeneratedRegex(@"\b(des|eines|wegen|trotz|während|angesichts|aufgrund)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GenitiveMarker();

    // Past passive, or a participle (…t, …en) before "werden"/"wird": "behandelt werden". Adjectives ("attraktiver werden") pass.
    [GeneratedRegex(@"\b(wurde|wurden|worden)\b|\b\w+(t|en) (werden|wird)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Passive();
}
