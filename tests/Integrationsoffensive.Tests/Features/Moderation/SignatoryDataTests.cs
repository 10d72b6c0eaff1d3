using System.Net;
using System.Text;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Moderation;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Moderation;

/// <summary>Editing, entering, importing and exporting signatories in the moderation area.</summary>
public sealed class SignatoryDataTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private Task<List<AuditEntry>> AuditAsync() => _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());

    [Fact]
    public async Task Edit_RecordsEachChangedFieldWithBeforeAndAfter_AndThePublicSiteShowsIt()
    {
        var application = await _site.PublishedAsync(Applications.Details(name: "Tippfeler e. V."));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, form) = await client.GetPageAsync($"/moderation/antraege/{application.Id}/bearbeiten");

        var response = await client.SubmitAsync(form, "form.form", new Dictionary<string, string?> { ["Input.OrganizationName"] = "Tippfehler e. V.", ["Input.Place"] = "Gießen" });

        Assert.Equal($"/moderation/antraege/{application.Id}", response.Headers.Location!.OriginalString);
        var entry = (await AuditAsync()).Single(e => e.Action == AuditAction.Edited);
        Assert.Equal("Name: „Tippfeler e. V.“ → „Tippfehler e. V.“; Ort: „Musterstadt“ → „Gießen“", entry.Details);
        var (_, home) = await _site.CreatePlainClient().GetPageAsync("/");
        Assert.Contains("Tippfehler\u00A0e.\u00A0V., Gießen", home.GetElementById("neu-mitgezeichnet")!.TextContent);
    }

    /// <summary>An edit form of a published entry, shown before another edit saved „Kassel“ as its place.</summary>
    private async Task<(Application Application, HttpClient Client, AngleSharp.Html.Dom.IHtmlDocument Form)> StaleEditFormAsync()
    {
        var application = await _site.PublishedAsync();
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, form) = await client.GetPageAsync($"/moderation/antraege/{application.Id}/bearbeiten");
        var (_, other) = await client.GetPageAsync($"/moderation/antraege/{application.Id}/bearbeiten");
        await client.SubmitAsync(other, "form.form", new Dictionary<string, string?> { ["Input.Place"] = "Kassel" });
        return (application, client, form);
    }

    [Fact]
    public async Task Edit_WithAStaleForm_KeepsTheTypedValues_AndChangesNothing()
    {
        var (application, client, form) = await StaleEditFormAsync();

        var stale = await client.SubmitAsync(form, "form.form", new Dictionary<string, string?> { ["Input.Place"] = "Fulda" });

        var page = await stale.ReadDocumentAsync();
        Assert.Contains(DetailModel.ConflictMessage, page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Fulda", page.GetElementById("Input_Place")!.GetAttribute("value"));
        Assert.Equal("Kassel", (await _site.WithDbAsync(db => db.Applications.SingleAsync())).Place);
        // „The current state below“: what the other one saved, beside what this one typed.
        var current = page.GetElementById("aktueller-stand")!;
        Assert.Contains("Ort", current.TextContent);
        Assert.Contains("Kassel", current.TextContent);

        // Having seen it, the moderator sends the form as it came back: it is saved, not refused again.
        var again = await client.SubmitAsync(page, "form.form", new Dictionary<string, string?>());

        Assert.Equal($"/moderation/antraege/{application.Id}", again.Headers.Location?.OriginalString);
        Assert.Equal("Fulda", (await _site.WithDbAsync(db => db.Applications.SingleAsync())).Place);
        Assert.Contains("Ort: „Kassel“ → „Fulda“", (await AuditAsync()).Where(e => e.Action == AuditAction.Edited).Select(e => e.Details));
    }

    [Fact]
    public async Task Edit_WithAStaleForm_SentAgain_KeepsWhatTheOtherChangedInFieldsThisOneLeftAlone()
    {
        var (application, client, mine) = await StaleEditFormAsync();

        // This moderator changed only the statement; the place in the stale form is the old one.
        var stale = await client.SubmitAsync(mine, "form.form", new Dictionary<string, string?> { ["Input.Statement"] = "Neu formuliert." });
        var page = await stale.ReadDocumentAsync();

        Assert.Equal("Kassel", page.GetElementById("Input_Place")!.GetAttribute("value"));
        Assert.Equal("Neu formuliert.", page.GetElementById("Input_Statement")!.TextContent.Trim());
        var marked = page.QuerySelectorAll("#aktueller-stand dd").Where(dd => dd.QuerySelector(".conflict-mark") is not null).ToList();
        Assert.Single(marked); // the statement, not the place

        await client.SubmitAsync(page, "form.form", new Dictionary<string, string?>());

        var stored = await _site.WithDbAsync(db => db.Applications.SingleAsync());
        Assert.Equal(("Kassel", "Neu formuliert."), (stored.Place, stored.Statement));
    }

    [Fact]
    public async Task SixEditsOfTheSameFormAtOnce_OneIsSaved_EveryOtherKeepsItsInputAgainstTheSavedState()
    {
        var application = await _site.PublishedAsync();
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var forms = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => (await client.GetPageAsync($"/moderation/antraege/{application.Id}/bearbeiten")).Document));

        var answers = await Task.WhenAll(forms.Select((form, i) => client.SubmitAsync(form, "form.form", new Dictionary<string, string?> { ["Input.Statement"] = $"Fassung {i}" })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var saved = (await _site.WithDbAsync(db => db.Applications.SingleAsync())).Statement;
        Assert.Single(await AuditAsync(), e => e.Action == AuditAction.Edited);
        foreach (var (answer, i) in answers.Select((a, i) => (a, i)).Where(x => x.a.StatusCode == HttpStatusCode.OK))
        {
            var page = await answer.ReadDocumentAsync();
            Assert.Contains(DetailModel.ConflictMessage, page.QuerySelector(".error-summary")!.TextContent);
            Assert.Equal($"Fassung {i}", page.GetElementById("Input_Statement")!.TextContent.Trim());
            Assert.Contains(saved!, page.GetElementById("aktueller-stand")!.TextContent);
        }
    }

    [Fact]
    public async Task AddDirectly_PublishesAtOnce_WithTheSourceInTheHistory()
    {
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, form) = await client.GetPageAsync("/moderation/hinzufuegen");

        var response = await client.SubmitAsync(form, "form.form", new Dictionary<string, string?>
        {
            ["Input.OrganizationName"] = "Kirchengemeinde St. Paul", ["Input.OrganizationType"] = "kirche", ["Input.Place"] = "Darmstadt",
            ["Input.Region"] = "darmstadt", ["Input.Source"] = "Unterschriftenliste Fachtag",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await _site.WithDbAsync(db => db.Applications.Include(a => a.History).SingleAsync());
        Assert.Equal(ApplicationStatus.Published, application.Status);
        Assert.True(application.AddedByModerator);
        Assert.Null(application.Email);
        Assert.Contains("Unterschriftenliste Fachtag", Assert.Single(application.History).Details);
        var (_, home) = await _site.CreatePlainClient().GetPageAsync("/");
        Assert.Contains("Kirchengemeinde St. Paul", home.GetElementById("neu-mitgezeichnet")!.TextContent);
    }

    [Fact]
    public async Task ExportPublic_HasNoContactData_EscapesFormulas_AndIsAudited()
    {
        await _site.PublishedAsync(Applications.Details(name: "=HYPERLINK(\"http://böse.example\")", email: "geheim@beispiel.de"));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, page) = await client.GetPageAsync("/moderation/export");
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Contacts']"));

        var response = await client.SubmitAsync(page, "form[action*='handler=Public']", new Dictionary<string, string?>());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("unterzeichnende-", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains("'=HYPERLINK", text);
        Assert.DoesNotContain("geheim@beispiel.de", text);
        Assert.DoesNotContain("Anna Beispiel", text);
        Assert.Contains(await AuditAsync(), e => e.Action == AuditAction.Exported && e.Details.StartsWith("Öffentliche Liste", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportContacts_IsForAdminsOnly_AndIsAudited()
    {
        await _site.ConfirmedAsync(Applications.Details(email: "kontakt@beispiel.de"));
        var moderator = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var admin = await _site.SignInAsync(await _site.CreateModeratorAsync("admin@aufruf.example", admin: true));
        var (_, moderatorPage) = await moderator.GetPageAsync("/moderation/export");
        var forged = await moderator.PostAsync("/moderation/export?handler=Contacts", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", moderatorPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        var (_, page) = await admin.GetPageAsync("/moderation/export");
        var response = await admin.SubmitAsync(page, "form[action*='handler=Contacts']", new Dictionary<string, string?>());

        Assert.Contains("kontakt@beispiel.de", await response.Content.ReadAsStringAsync());
        Assert.Contains(await AuditAsync(), e => e.Action == AuditAction.Exported && e.Actor == "admin@aufruf.example" && e.Details.StartsWith("Kontaktdaten", StringComparison.Ordinal));
    }
}
