using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Site;

/// <summary>Error pages and forms sent back with errors say so first in their title, where a screen reader starts.</summary>
public sealed class ErrorTitleTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/gibt-es-nicht")]
    [InlineData("/fehler/500")]
    [InlineData("/mitzeichnen/bestaetigen/unbekannt")]
    public async Task ErrorPages_StartTheirTitleWithFehler(string path)
    {
        var (_, page) = await site.CreatePlainClient().GetPageAsync(path);

        Assert.StartsWith("Fehler: ", page.Title);
    }

    [Fact]
    public async Task AFormSentBackWithErrors_StartsItsTitleWithFehler_TheEmptyFormDoesNot()
    {
        var client = site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen");
        site.Clock.Advance(TimeSpan.FromSeconds(30));
        var values = Applications.FormValues();
        values["Input.Email"] = "keine-adresse";

        var sent = await client.SubmitAsync(form, "form.form", values);
        var page = await sent.ReadDocumentAsync();

        Assert.DoesNotContain("Fehler", form.Title);
        Assert.StartsWith("Fehler: ", page.Title);
    }

    [Fact]
    public async Task PagesWithoutErrors_HaveNoSuchPrefix()
    {
        var (_, page) = await site.CreatePlainClient().GetPageAsync("/unterzeichnende");

        Assert.Equal("Unterzeichnende – Aufruf für eine Integrationsoffensive", page.Title);
    }
}
