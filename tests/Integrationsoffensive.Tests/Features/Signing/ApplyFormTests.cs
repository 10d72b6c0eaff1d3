using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Signing;

public sealed class ApplyFormTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private Task<List<Application>> ApplicationsAsync() =>
        _site.WithDbAsync(db => db.Applications.Include(a => a.History).AsNoTracking().ToListAsync());

    [Fact]
    public async Task Get_Form_ShowsEveryFieldWithLabelAndAutocomplete_AndSaysWhatIsPublished()
    {
        var (response, page) = await _site.CreatePlainClient().GetPageAsync("/mitzeichnen");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Aufruf mitzeichnen", page.QuerySelector("h1")!.Text());
        foreach (var (field, label) in new[]
        {
            ("Input_OrganizationName", "Name der Organisation"), ("Input_OrganizationType", "Art der Organisation"),
            ("Input_Place", "Ort"), ("Input_Region", "Region"), ("Input_Website", "Website (optional)"),
            ("Input_Statement", "Kurzbegründung (optional)"), ("Input_ContactName", "Ansprechperson"),
            ("Input_Email", "E-Mail-Adresse"), ("Input_Phone", "Telefon (optional)"),
        })
        {
            Assert.NotNull(page.GetElementById(field));
            Assert.Equal(label, page.QuerySelector($"label[for={field}]")!.Text());
        }

        Assert.Equal("email", page.GetElementById("Input_Email")!.GetAttribute("autocomplete"));
        Assert.Equal("organization", page.GetElementById("Input_OrganizationName")!.GetAttribute("autocomplete"));
        Assert.Equal(29, page.QuerySelectorAll("#Input_Region option[value]:not([value=''])").Length);
        Assert.Contains("veröffentlichen wir nach der Prüfung", page.QuerySelector("main")!.Text());
        Assert.Contains("veröffentlichen wir nicht", page.QuerySelector("main")!.Text());
        Assert.Equal("/datenschutz", page.QuerySelector("label[for=Input_Consent] a")!.GetAttribute("href"));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task Post_Apply_RedirectsToThanks_AndStoresASubmittedApplicationWithVersions()
    {
        var response = await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/mitzeichnen/danke", response.Headers.Location!.OriginalString);
        var application = Assert.Single(await ApplicationsAsync());
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal("Flüchtlingshilfe Musterstadt e. V.", application.OrganizationName);
        Assert.Equal("kontakt@fluechtlingshilfe.example", application.Email);
        Assert.Equal("2023-11", application.AppealVersion);
        Assert.Equal(ConsentText.Version, application.ConsentVersion);
        Assert.Equal(AuditAction.Submitted, Assert.Single(application.History).Action);
    }

    [Fact]
    public async Task Get_Thanks_TellsToCheckTheInboxAndWhatHappensNext()
    {
        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/mitzeichnen/danke");

        Assert.Contains("Postfach", page.QuerySelector("h1")!.Text());
        Assert.Equal(3, page.QuerySelectorAll("ol.steps li").Length);
        Assert.NotNull(page.QuerySelector("a[href='/mitzeichnen/neuer-link']"));
    }

    [Fact]
    public async Task Post_Empty_ShowsAGermanErrorSummaryLinkingToEachField_AndStoresNothing()
    {
        var values = Applications.FormValues();
        foreach (var key in values.Keys)
        {
            values[key] = key is "Input.Consent" or "Input.Authorized" ? "false" : "";
        }

        var response = await _site.ApplyAsync(_site.CreatePlainClient(), values);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelector(".error-summary")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal("Bitte prüfen Sie Ihre Angaben", summary.QuerySelector("h2")!.Text());
        Assert.Equal(
            ["#Input_OrganizationName", "#Input_OrganizationType", "#Input_Place", "#Input_Region", "#Input_ContactName", "#Input_Email", "#Input_Consent", "#Input_Authorized"],
            summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Bitte geben Sie den Namen der Organisation an.", summary.Text());
        var name = page.GetElementById("Input_OrganizationName")!;
        Assert.Equal("true", name.GetAttribute("aria-invalid"));
        Assert.Equal("Input_OrganizationName-fehler", name.GetAttribute("aria-describedby"));
        Assert.Contains("Bitte geben Sie den Namen der Organisation an.", page.GetElementById("Input_OrganizationName-fehler")!.Text());
        Assert.Empty(await ApplicationsAsync());
    }

    [Fact]
    public async Task Post_WithOneError_KeepsEveryOtherValue()
    {
        var values = Applications.FormValues();
        values["Input.Email"] = "keine-adresse";

        var response = await _site.ApplyAsync(_site.CreatePlainClient(), values);
        var page = await response.ReadDocumentAsync();

        Assert.Contains("gültige E-Mail-Adresse", page.GetElementById("Input_Email-fehler")!.Text());
        Assert.Equal("keine-adresse", page.GetElementById("Input_Email")!.GetAttribute("value"));
        Assert.Equal("Flüchtlingshilfe Musterstadt e. V.", page.GetElementById("Input_OrganizationName")!.GetAttribute("value"));
        Assert.Equal("Weil Integration gelingt.", page.GetElementById("Input_Statement")!.TextContent);
        Assert.Equal("giessen", ((AngleSharp.Html.Dom.IHtmlSelectElement)page.GetElementById("Input_Region")!).Value);
        Assert.NotNull(page.QuerySelector("#Input_Consent[checked]"));
        Assert.Equal("Input_Email-hinweis Input_Email-fehler", page.GetElementById("Input_Email")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Post_FilledHoneypot_LooksLikeSuccess_ButStoresNothing()
    {
        var values = Applications.FormValues();
        values["url"] = "https://spam.example";

        var response = await _site.ApplyAsync(_site.CreatePlainClient(), values);

        Assert.Equal("/mitzeichnen/danke", response.Headers.Location!.OriginalString);
        Assert.Empty(await ApplicationsAsync());
    }

    [Fact]
    public async Task Post_TooFast_SaysSoInGerman_KeepsTheValues_AndAcceptsTheNextTry()
    {
        var client = _site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen");

        var response = await client.SubmitAsync(form, "form.form", Applications.FormValues());
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ApplyModel.TooFastMessage, page.QuerySelector(".error-summary")!.Text());
        Assert.Equal("Flüchtlingshilfe Musterstadt e. V.", page.GetElementById("Input_OrganizationName")!.GetAttribute("value"));
        Assert.Empty(await ApplicationsAsync());

        _site.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await client.SubmitAsync(page, "form.form", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Single(await ApplicationsAsync());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await _site.CreatePlainClient().PostAsync("/mitzeichnen", new FormUrlEncodedContent(Applications.FormValues()!));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await ApplicationsAsync());
    }

    [Fact]
    public async Task Post_ForgedStatusAndIdFields_ChangeNothing()
    {
        var values = Applications.FormValues();
        values["Status"] = "Published";
        values["Input.Status"] = "Published";
        values["Input.Id"] = "4711";
        values["Input.IsPossibleDuplicate"] = "true";

        await _site.ApplyAsync(_site.CreatePlainClient(), values);

        var application = Assert.Single(await ApplicationsAsync());
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.False(application.IsPossibleDuplicate);
    }
}
