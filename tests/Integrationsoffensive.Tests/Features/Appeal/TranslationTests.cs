using System.Net;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Appeal;

/// <summary>
/// The appeal in other languages: every folder of content/ with a sprache.yml is a page at its
/// route, in its language and direction (ordered by their names), naming the German original as the text that is signed.
/// </summary>
public sealed class TranslationTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Get_En_RendersTheTranslationInEnglish_WithTheNoteLinkingToTheGermanOriginal()
    {
        var (response, document) = await site.CreatePlainClient().GetPageAsync("/en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("Call for an Integration Offensive", Assert.Single(document.QuerySelectorAll("h1")).Text());
        var note = document.QuerySelector(".translation-note")!;
        Assert.Contains("German text is the one signed", note.Text());
        Assert.Equal("/", note.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["forderung-1", "forderung-2", "forderung-3"], document.QuerySelectorAll(".demand").Select(d => d.Id!));
        Assert.Contains("Test text of demand 2.", document.QuerySelector("#forderung-2")!.Text());
        Assert.Contains("Test text of the closing call.", document.QuerySelector(".closing")!.Text());
        // The German frame around the translation says it is German.
        Assert.Equal("de", document.QuerySelector("header.site-header")!.GetAttribute("lang"));
        Assert.Equal("de", document.QuerySelector("footer.site-footer")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task Get_RightToLeftSample_SetsDirRtlAndLang_AndNamesEveryLanguageAsAlternate()
    {
        var (response, document) = await site.CreatePlainClient().GetPageAsync("/ar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ar", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("نداء من أجل هجوم اندماج", document.QuerySelector("h1")!.Text());
        // The German header stays left to right inside the right-to-left page.
        Assert.Equal("ltr", document.QuerySelector("header.site-header")!.GetAttribute("dir"));
        var alternates = document.QuerySelectorAll("link[rel=alternate][hreflang]")
            .ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
        Assert.Equal(SiteFactory.PublicBaseUrl + "/", alternates["de"]);
        Assert.Equal(SiteFactory.PublicBaseUrl + "/ar", alternates["ar"]);
        Assert.Equal(SiteFactory.PublicBaseUrl + "/en", alternates["en"]);
        Assert.Equal(SiteFactory.PublicBaseUrl + "/", alternates["x-default"]);
    }

    [Fact]
    public async Task Get_GermanAppeal_NamesTheTranslationsAsAlternates_AndKeepsLangDe()
    {
        var (_, document) = await site.CreatePlainClient().GetPageAsync("/");

        Assert.Equal("de", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", document.DocumentElement.GetAttribute("dir"));
        var hreflangs = document.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")).ToList();
        Assert.Equal(["de", "en", "ar", "x-default"], hreflangs);
        // At the top, for readers who do not read German.
        var top = document.QuerySelectorAll(".appeal-hero .appeal-languages a").ToList();
        Assert.Equal(["/en", "/ar"], top.Select(a => a.GetAttribute("href")));
        Assert.Equal(["en", "ar"], top.Select(a => a.GetAttribute("lang")));
    }

    [Theory]
    [InlineData("/unterzeichnende")]
    [InlineData("/impressum")]
    [InlineData("/mitzeichnen")]
    public async Task Get_AnyPage_LinksEveryLanguage_NamedInItself_WithLangAndHreflang(string path)
    {
        var (_, document) = await site.CreatePlainClient().GetPageAsync(path);

        var links = document.QuerySelectorAll(".language-nav a").ToList();
        Assert.Equal(["Deutsch", "English", "العربية"], links.Select(a => a.Text()));
        Assert.Equal(["/", "/en", "/ar"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["de", "en", "ar"], links.Select(a => a.GetAttribute("lang")));
        Assert.Equal(["de", "en", "ar"], links.Select(a => a.GetAttribute("hreflang")));
        Assert.Equal("rtl", links[2].GetAttribute("dir"));
        // Pages that are not the appeal name no alternates.
        Assert.Empty(document.QuerySelectorAll("link[rel=alternate][hreflang]"));
    }

    [Fact]
    public async Task NewLanguageFolder_IsServedAtItsRoute_WithoutARestart_AndItsHreflangIsUsed()
    {
        using var own = new SiteFactory();
        var client = own.CreatePlainClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/einfach")).StatusCode);

        foreach (var file in Directory.EnumerateFiles(Path.Combine(own.ContentPath, "en"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Path.Combine(own.ContentPath, "en"), file);
            var text = File.ReadAllText(file);
            own.WriteContent(Path.Combine("einfach", relative), relative == "sprache.yml"
                ? text.Replace("code: en", "code: de\nhreflang: de-x-ls").Replace("name: English", "name: Einfach").Replace("route: en", "route: einfach")
                : text);
        }

        var (response, document) = await client.GetPageAsync("/einfach");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("de", document.DocumentElement.GetAttribute("lang"));
        var link = document.QuerySelectorAll(".language-nav a").Single(a => a.Text() == "Einfach");
        Assert.Equal("de-x-ls", link.GetAttribute("hreflang"));
        Assert.Equal("page", link.GetAttribute("aria-current"));
        Assert.Contains(document.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("hreflang") == "de-x-ls");
    }

    [Fact]
    public async Task BrokenLanguageFile_IsLeftOut_AndTheStaticPagesStillAnswer()
    {
        using var own = new SiteFactory();
        own.WriteContent("kaputt/sprache.yml", "code: nicht gültig!\nname: Kaputt\nroute: kaputt\n");
        var client = own.CreatePlainClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kaputt")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/impressum")).StatusCode);
        var (_, document) = await client.GetPageAsync("/");
        Assert.DoesNotContain(document.QuerySelectorAll(".language-nav a"), a => a.Text() == "Kaputt");
    }
}
