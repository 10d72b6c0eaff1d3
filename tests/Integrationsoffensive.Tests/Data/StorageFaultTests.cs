using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Data;
using Integrationsoffensive.Tests.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Data;

/// <summary>
/// When the database stops taking writes (read-only, disk full), the readiness check says so,
/// readers still get every page, and a writer gets the German error page; nothing saved is lost.
/// </summary>
[Trait("Database", "Sqlite")] // about the SQLite file itself; PostgreSQL has its own tests (Data/PostgresTests)
public sealed class StorageFaultTests : IDisposable
{
    private readonly SqliteFaultSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Ready_WhenTheDatabaseTurnsReadOnly_IsUnhealthy_WhileLivenessStaysHealthy()
    {
        var client = _site.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        _site.Fault.Pragma = "query_only = ON";

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task ASignedInModerator_WhileTheDatabaseCannotBeOpened_GetsTheGermanErrorPage_NeverABare500()
    {
        var moderator = await _site.SignInAsync(await _site.CreateModeratorAsync());
        _site.Fault.RefuseOpen = true;

        // The session check needs the database; the error page must not repeat it (a request keeps
        // its first sign-in check's outcome, here the failure, which escaped the error handler).
        var response = await moderator.GetAsync("/moderation");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Vorübergehend nicht erreichbar", page.QuerySelector("h1")!.Text());
        // Its stylesheet needs no session check, so the page is shown as designed.
        var stylesheet = await moderator.GetAsync(page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
        _site.Fault.RefuseOpen = false;
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/moderation")).StatusCode);
    }

    [Theory]
    [InlineData("/unterzeichnende.csv")]
    [InlineData("/unterzeichnende.json")]
    public async Task AnExport_WhoseRowsCannotBeRead_GetsTheGermanErrorPage_NotAStartedDownload(string path)
    {
        await _site.PublishedAsync(Applications.Details(name: "Schon gespeichert e. V."));
        _site.Fault.FailQueriesContaining = "\"Statement\""; // the rows' query, not the entity tag's

        var response = await _site.CreatePlainClient().GetAsync(path);

        // Nothing of the file went out yet: the person gets the page that says what happened, not a
        // download that breaks off (the founders' rows and the header were already written).
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Vorübergehend nicht erreichbar", (await response.ReadDocumentAsync()).QuerySelector("h1")!.Text());
        _site.Fault.FailQueriesContaining = null;
        Assert.Contains("Schon gespeichert", await _site.CreatePlainClient().GetStringAsync(path));
    }

    [Fact]
    public async Task ReadOnlyDatabase_WhileApplying_GivesTheFormBackWithAllThatWasTyped_AndKeepsWhatWasSaved()
    {
        await _site.PublishedAsync(Applications.Details(name: "Schon gespeichert e. V."));
        _site.Fault.Pragma = "query_only = ON";

        var response = await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues(name: "Neue Initiative e. V.", email: "neu@beispiel.de"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(ApplyModel.NotStoredMessage, page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Neue Initiative e. V.", page.QuerySelector<IHtmlInputElement>("#Input_OrganizationName")!.Value);
        Assert.Contains("Schon gespeichert", await _site.CreatePlainClient().GetStringAsync("/unterzeichnende"));
    }

    [Fact]
    public async Task AWriteThatFails_KeepsTheForm_AndTheSameFormGoesThroughOnceTheDatabaseIsBack()
    {
        var client = _site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen");
        _site.Clock.Advance(TimeSpan.FromSeconds(20));
        var typed = Applications.FormValues(name: "Neue Initiative e. V.", email: "neu@beispiel.de");
        typed["Input.Statement"] = "Wir sind dabei, weil Integration vor Ort gelingt.";
        _site.Fault.FailQueriesContaining = "INSERT INTO \"Applications\""; // the write itself, after every lookup went through

        var failed = await client.SubmitAsync(form, "form.form", typed);

        // Nothing typed is lost: the form comes back filled in, saying what happened and what to do.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        var page = await failed.ReadDocumentAsync();
        Assert.Equal("Aufruf mitzeichnen", page.QuerySelector("h1")!.Text());
        // Nothing typed was wrong: the notice is headed by what happened, not by „check your entries“.
        Assert.Equal(ApplyModel.NotStoredTitle, page.QuerySelector(".error-summary h2")!.Text());
        Assert.Contains(ApplyModel.NotStoredMessage, page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Neue Initiative e. V.", page.QuerySelector<IHtmlInputElement>("#Input_OrganizationName")!.Value);
        Assert.Equal("neu@beispiel.de", page.QuerySelector<IHtmlInputElement>("#Input_Email")!.Value);
        Assert.Equal("Anna Beispiel", page.QuerySelector<IHtmlInputElement>("#Input_ContactName")!.Value);
        Assert.Equal(typed["Input.Statement"], page.QuerySelector<IHtmlTextAreaElement>("#Input_Statement")!.Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#Input_Consent")!.IsChecked);
        Assert.Equal(0, await _site.WithDbAsync(db => db.Applications.CountAsync()));

        // Sent again as it came back, once the database takes writes again: stored once, as usual.
        _site.Fault.FailQueriesContaining = null;
        var again = await client.SubmitAsync(page, "form.form", new Dictionary<string, string?>());

        Assert.Equal("/mitzeichnen/danke", again.Headers.Location?.OriginalString);
        var stored = await _site.WithDbAsync(db => db.Applications.SingleAsync());
        Assert.Equal(("Neue Initiative e. V.", "neu@beispiel.de"), (stored.OrganizationName, stored.Email));
    }

    [Fact]
    public async Task ManyApplyingAtOnce_WhileTheWriteFails_EachGetsTheirOwnFormBack_AndEachIsStoredOnceWhenSentAgain()
    {
        // The press night: a batch of the in-process writer fails as a whole, every one in it is answered.
        const int count = 16;
        var clients = Enumerable.Range(0, count).Select(_ => _site.CreatePlainClient()).ToList();
        var forms = await Task.WhenAll(clients.Select(async client => (await client.GetPageAsync("/mitzeichnen")).Document));
        _site.Clock.Advance(TimeSpan.FromSeconds(20));
        _site.Fault.FailQueriesContaining = "INSERT INTO \"Applications\"";

        var failed = await Task.WhenAll(clients.Select((client, i) => client.SubmitAsync(forms[i], "form.form",
            Applications.FormValues(name: $"Verein Nummer {i}", email: $"verein{i}@beispiel.de"))));

        Assert.All(failed, answer => Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode));
        var kept = await Task.WhenAll(failed.Select(answer => answer.ReadDocumentAsync()));
        Assert.Equal(
            Enumerable.Range(0, count).Select(i => $"Verein Nummer {i}"),
            kept.Select(page => page.QuerySelector<IHtmlInputElement>("#Input_OrganizationName")!.Value));
        Assert.All(kept, page => Assert.Equal(ApplyModel.NotStoredTitle, page.QuerySelector(".error-summary h2")!.Text()));
        Assert.Equal(0, await _site.WithDbAsync(db => db.Applications.CountAsync()));
        Assert.InRange(_site.Fault.FailedQueries, 1, count); // the writer's batches (here mostly 2 writes for 16: batched)
        Assert.Equal(count, _site.Logs.Entries.Count(e => e.Message.StartsWith("Application not stored", StringComparison.Ordinal)));

        _site.Fault.FailQueriesContaining = null;
        var again = await Task.WhenAll(clients.Select((client, i) => client.SubmitAsync(kept[i], "form.form", new Dictionary<string, string?>())));

        Assert.All(again, answer => Assert.Equal("/mitzeichnen/danke", answer.Headers.Location?.OriginalString));
        var stored = await _site.WithDbAsync(db => db.Applications.Select(a => a.Email).ToListAsync());
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"verein{i}@beispiel.de").Order(), stored.Order());
    }

    [Fact]
    public async Task AStorageFailure_IsLoggedAsWhatThePersonGot_A503OnTheirRoute_NotA500()
    {
        var client = _site.CreatePlainClient();
        await _site.PublishedAsync(Applications.Details(name: "Schon gespeichert e. V."));
        _site.Fault.FailQueriesContaining = "\"Statement\""; // the export's rows: the failure passes through to the error page

        var response = await client.GetAsync("/unterzeichnende.csv");

        // One request line, as the person saw it (an alert on 500s must not fire for the database's
        // 503s), on the route they asked for; the error page's re-execution writes none.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var exports = _site.Logs.Events.Where(e => e.Properties.TryGetValue("RequestRoute", out var route) && route.ToString().Contains("/unterzeichnende", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(exports);
        Assert.Equal(503, ((Serilog.Events.ScalarValue)line.Properties["StatusCode"]).Value);
        Assert.Equal(Serilog.Events.LogEventLevel.Error, line.Level);
        Assert.DoesNotContain(_site.Logs.Events, e => e.Properties.TryGetValue("RequestRoute", out var route) && route.ToString().Contains("/fehler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullDisk_WhileApplying_GivesTheFormBack_NeverA500_AndKeepsWhatWasSaved()
    {
        await _site.PublishedAsync(Applications.Details(name: "Schon gespeichert e. V."));
        var pages = await _site.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT page_count AS \"Value\" FROM pragma_page_count()").SingleAsync());
        _site.Fault.Pragma = $"max_page_count = {pages}";

        // The file has some room left in its pages; apply until it is full.
        var answers = new List<HttpStatusCode>();
        HttpResponseMessage? full = null;
        for (var i = 0; i < 40 && full is null; i++)
        {
            var values = Applications.FormValues(name: $"Verein {i} " + new string('x', 150), email: $"neu{i}@beispiel.de");
            values["Input.Statement"] = new string('y', 490);
            var answer = await _site.ApplyAsync(_site.CreatePlainClient(), values);
            answers.Add(answer.StatusCode);
            full = answer.StatusCode == HttpStatusCode.ServiceUnavailable ? answer : null;
        }

        Assert.NotNull(full);
        Assert.Contains(ApplyModel.NotStoredMessage, (await full.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("120", full.Headers.RetryAfter?.ToString());
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, answers);
        Assert.Contains("Schon gespeichert", await _site.CreatePlainClient().GetStringAsync("/unterzeichnende"));
    }
}
