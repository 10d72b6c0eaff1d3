using Integrationsoffensive.Content;

namespace Integrationsoffensive.Tests.Features.Appeal;

public sealed class MarkdownRendererTests
{
    private sealed class Retention : IContentVariableSource
    {
        public IEnumerable<KeyValuePair<string, string>> GetVariables() => [new("frist_tage", "7")];
    }

    private readonly MarkdownRenderer _renderer = new(new ContentVariables([new Retention()]));

    private string Body(string markdown) => _renderer.Render<PageFrontMatter>("---\ntitle: T\n---\n\n" + markdown).Html.Trim();

    [Fact]
    public void Render_StraightDoubleQuotes_BecomeGermanQuotes() =>
        Assert.Equal("<p>Sie sagten „Willkommen“.</p>", Body("Sie sagten \"Willkommen\"."));

    [Fact]
    public void Render_Apostrophe_IsNotTurnedIntoAQuote() =>
        Assert.Equal("<p>Wie geht's?</p>", Body("Wie geht's?"));

    [Fact]
    public void Render_DashesAndEllipsis_BecomeRealCharacters() =>
        Assert.Equal("<p>Hessen – und mehr — usw…</p>", Body("Hessen -- und mehr --- usw..."));

    [Fact]
    public void Render_RawHtml_IsShownAsText_NotExecuted()
    {
        var html = Body("<script>alert(1)</script> <b onclick=\"x\">fett</b>");

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b ", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Render_Headings_GetIds() =>
        Assert.Equal("<h2 id=\"ihre-rechte\">Ihre Rechte</h2>", Body("## Ihre Rechte"));

    [Fact]
    public void Render_KnownVariable_IsReplaced_UnknownStaysVisible() =>
        Assert.Equal("<p>Nach 7 Tagen, {{ unbekannt }}.</p>", Body("Nach {{ frist_tage }} Tagen, {{ unbekannt }}."));

    [Fact]
    public void Render_FrontMatter_IsReadAndNotShown()
    {
        var document = _renderer.Render<PageFrontMatter>("---\ntitle: Impressum\ndescription: Angaben\n---\n\nText");

        Assert.Equal("Impressum", document.FrontMatter.Title);
        Assert.Equal("Angaben", document.FrontMatter.Description);
        Assert.Equal("<p>Text</p>", document.Html.Trim());
    }

    [Fact]
    public void Render_WithoutTitle_Throws() =>
        Assert.Throws<ContentException>(() => _renderer.Render<PageFrontMatter>("---\ndescription: x\n---\n\nText"));

    [Fact]
    public void Render_WithoutFrontMatter_Throws() =>
        Assert.Throws<ContentException>(() => _renderer.Render<PageFrontMatter>("Nur Text"));

    [Fact]
    public void Render_AppealLead_IsRenderedOnceWithTheFile()
    {
        var document = _renderer.Render<AppealFrontMatter>("---\ntitle: A\nversion: \"1\"\nlead: Ein \"Vorspann\".\n---\n\nText");

        Assert.Equal("<p>Ein „Vorspann“.</p>", document.FrontMatter.LeadHtml.Trim());
    }

    [Theory]
    [InlineData("https://www.diakonie-hessen.de", "https://www.diakonie-hessen.de/")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("www.ohne-schema.de", null)]
    [InlineData(null, null)]
    public void FoundingOrganization_LinksOnlyHttpWebsites(string? website, string? expected) =>
        Assert.Equal(expected, new FoundingOrganization { Name = "X", Website = website }.Href);
}
