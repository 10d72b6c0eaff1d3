using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Features.Moderation;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Moderation;

/// <summary>Moderators decide through the detail page; the public site and the mails follow.</summary>
public sealed class DecisionTests : IDisposable
{
    private const string Name = "Willkommensbündnis Marburg";
    private readonly SmtpSiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<(HttpClient Client, Application Application)> ModeratorWithWaitingApplicationAsync()
    {
        var application = await _site.ConfirmedAsync(Applications.Details(name: Name, email: "info@willkommen.example"));
        return (await _site.SignInAsync(await _site.CreateModeratorAsync()), application);
    }

    private async Task<HttpClient> SecondModeratorAsync() =>
        await _site.SignInAsync(await _site.CreateModeratorAsync("zweite@aufruf.example"));

    /// <summary>"Approve" and "Reject" are the two choices of the decision form; other handlers have forms of their own.</summary>
    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, string handler, Dictionary<string, string?>? values = null)
    {
        values ??= [];
        if (handler is "Approve" or "Reject")
        {
            values["Input.Decision"] = handler == "Approve" ? "freigeben" : "ablehnen";
            handler = "Decide";
        }

        return client.SubmitAsync(page, $"form[action*='handler={handler}']", values);
    }

    private Task<Application> ReloadAsync(int id) =>
        _site.WithDbAsync(db => db.Applications.Include(a => a.History).AsNoTracking().SingleAsync(a => a.Id == id));

    [Fact]
    public async Task Approve_PublishesAtOnce_MailsTheApplicant_AndRecordsTheModerator()
    {
        var (client, application) = await ModeratorWithWaitingApplicationAsync();
        var (_, queue) = await client.GetPageAsync("/moderation");
        Assert.Contains(Name, queue.QuerySelector("ol.queue")!.TextContent);
        var (_, page) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");
        Assert.Contains("info@willkommen.example", page.QuerySelector("main")!.TextContent);

        var response = await DecideAsync(client, page, "Approve");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, home) = await _site.CreatePlainClient().GetPageAsync("/");
        Assert.Contains(Name, home.GetElementById("neu-mitgezeichnet")!.TextContent);
        Assert.DoesNotContain("info@willkommen.example", home.DocumentElement.OuterHtml);
        var mail = (await _site.Smtp.WaitForAsync(m => m.Subject == ApplicationMails.PublishedSubject)).Single();
        Assert.Equal("info@willkommen.example", mail.To.Mailboxes.Single().Address);
        Assert.Contains("/mitzeichnen/zurueckziehen/", mail.TextBody);
        var stored = await ReloadAsync(application.Id);
        Assert.Equal(ApplicationStatus.Published, stored.Status);
        Assert.Equal("moderation@aufruf.example", stored.ModeratedBy);
        Assert.Contains(stored.History, e => e.Action == AuditAction.Published && e.Actor == "moderation@aufruf.example");
    }

    [Fact]
    public async Task Reject_WithAReasonFromTheList_MailsTheReasonAndTheMessage()
    {
        var (client, application) = await ModeratorWithWaitingApplicationAsync();
        var (_, page) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");
        var reason = page.QuerySelector("#Input_ReasonId option[value='2']")!.TextContent;

        await DecideAsync(client, page, "Reject", new() { ["Input.ReasonId"] = "2", ["Input.Message"] = "Bitte melden Sie sich bei uns." });

        var mail = (await _site.Smtp.WaitForAsync(m => m.Subject == ApplicationMails.RejectedSubject)).Single();
        Assert.Contains("Grund: " + reason, mail.TextBody);
        Assert.Contains("Bitte melden Sie sich bei uns.", mail.TextBody);
        var stored = await ReloadAsync(application.Id);
        Assert.Equal(ApplicationStatus.Rejected, stored.Status);
        Assert.Equal(reason, stored.RejectionReason);
        Assert.Contains(stored.History, e => e.Action == AuditAction.Rejected && e.Details.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reject_WithoutAReason_AsksForOne_AndChangesNothing()
    {
        var (client, application) = await ModeratorWithWaitingApplicationAsync();
        var (_, page) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");

        var response = await DecideAsync(client, page, "Reject", new() { ["Input.ReasonId"] = "" });

        Assert.Contains("Bitte wählen Sie einen Grund", (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(ApplicationStatus.Confirmed, (await ReloadAsync(application.Id)).Status);
    }

    [Fact]
    public async Task AValueThatIsNoValue_IsNamedInGerman_AndChangesNothing()
    {
        // Only a tampered or broken request sends these; the page still speaks German.
        var (client, application) = await ModeratorWithWaitingApplicationAsync();
        var (_, page) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");

        var response = await DecideAsync(client, page, "Reject", new() { ["Input.ReasonId"] = "abc", ["Version"] = "kaputt", ["weiter"] = "vielleicht" });

        var summary = (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Der Wert „abc“ ist ungültig.", summary);
        Assert.DoesNotContain("is not valid", summary);
        Assert.Equal(ApplicationStatus.Confirmed, (await ReloadAsync(application.Id)).Status);
    }

    [Fact]
    public async Task AChangeByAnother_IsStillNoticed_AfterTheModeratorsOwnMistakeWasShown()
    {
        // A form that comes back for a missing reason must keep the version it was shown with:
        // taking the current one there would let the next click pass over the other's change unseen.
        var (first, application) = await ModeratorWithWaitingApplicationAsync();
        var second = await SecondModeratorAsync();
        var (_, secondPage) = await second.GetPageAsync($"/moderation/antraege/{application.Id}");
        var (_, edit) = await first.GetPageAsync($"/moderation/antraege/{application.Id}/bearbeiten");
        await first.SubmitAsync(edit, "form.form", new Dictionary<string, string?> { ["Input.Place"] = "Kassel" });

        var withoutReason = await DecideAsync(second, secondPage, "Reject", new() { ["Input.ReasonId"] = "" });
        var withReason = await DecideAsync(second, await withoutReason.ReadDocumentAsync(), "Reject", new() { ["Input.ReasonId"] = "1" });

        Assert.Contains(DetailModel.ConflictMessage, (await withReason.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(ApplicationStatus.Confirmed, (await ReloadAsync(application.Id)).Status);
    }

    [Fact]
    public async Task SixDecisionsAtOnce_OneTakes_EveryOtherIsTold_AndTheirPagesCarryTheCurrentVersion()
    {
        // Tabs and double clicks on election night: the same application decided six times at once.
        var (client, application) = await ModeratorWithWaitingApplicationAsync();
        var pages = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => (await client.GetPageAsync($"/moderation/antraege/{application.Id}")).Document));

        var answers = await Task.WhenAll(pages.Select(page => DecideAsync(client, page, "Approve")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var told = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Equal(5, told.Count);
        var stored = await ReloadAsync(application.Id);
        Assert.Single(stored.History, e => e.Action == AuditAction.Published);

        // Each told moderator's page shows the current state, so a note written there is saved.
        var toldPages = await Task.WhenAll(told.Select(answer => answer.ReadDocumentAsync()));
        Assert.All(toldPages, page => Assert.Contains(DetailModel.ConflictMessage, page.QuerySelector(".error-summary")!.TextContent));
        var note = await DecideAsync(client, toldPages[0], "Note", new() { ["Input.Note"] = "Schon freigegeben." });

        Assert.Equal($"/moderation/antraege/{application.Id}", note.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TwoModerators_OnTheSameApplication_TheSecondIsToldAndNothingIsOverwritten()
    {
        var (first, application) = await ModeratorWithWaitingApplicationAsync();
        var second = await SecondModeratorAsync();
        var (_, firstPage) = await first.GetPageAsync($"/moderation/antraege/{application.Id}");
        var (_, secondPage) = await second.GetPageAsync($"/moderation/antraege/{application.Id}");

        await DecideAsync(first, firstPage, "Approve");
        var stale = await DecideAsync(second, secondPage, "Reject", new() { ["Input.ReasonId"] = "1" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.ReadDocumentAsync();
        Assert.Contains(DetailModel.ConflictMessage, page.QuerySelector(".error-summary")!.TextContent);
        var stored = await ReloadAsync(application.Id);
        Assert.Equal(ApplicationStatus.Published, stored.Status);
        Assert.DoesNotContain(stored.History, e => e.Action == AuditAction.Rejected);

        // The page now shows the current state, and its forms carry it: a note written there is saved.
        var note = await second.SubmitAsync(page, "form[action*='handler=Note']", new Dictionary<string, string?> { ["Input.Note"] = "Schon freigegeben, passt." });

        Assert.Equal($"/moderation/antraege/{application.Id}", note.Headers.Location?.OriginalString);
        Assert.Contains((await ReloadAsync(application.Id)).History, e => e.Action == AuditAction.Note && e.Details == "Schon freigegeben, passt.");
    }

    [Fact]
    public async Task Unpublish_TakesTheEntryOffThePublicSite()
    {
        var application = await _site.PublishedAsync(Applications.Details(name: Name));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, page) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");

        await DecideAsync(client, page, "Unpublish", new() { ["Input.Message"] = "Doppelt eingetragen" });

        var (_, home) = await _site.CreatePlainClient().GetPageAsync("/");
        Assert.DoesNotContain(Name, home.Body!.TextContent);
        var stored = await ReloadAsync(application.Id);
        Assert.Equal(ApplicationStatus.Unpublished, stored.Status);
        Assert.Contains(stored.History, e => e.Action == AuditAction.Unpublished && e.Details.Contains("Doppelt eingetragen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Note_AppearsInTheApplicationsHistoryAndTheAuditLog()
    {
        var (client, application) = await ModeratorWithWaitingApplicationAsync();
        var (_, page) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");

        await DecideAsync(client, page, "Note", new() { ["Input.Note"] = "Telefonisch bestätigt." });

        var (_, detail) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");
        Assert.Contains("Telefonisch bestätigt.", detail.QuerySelector("ol.history")!.TextContent);
        var (_, log) = await client.GetPageAsync("/moderation/protokoll?aktion=Notiz");
        Assert.Contains("Telefonisch bestätigt.", log.QuerySelector("table.audit")!.TextContent);
        Assert.DoesNotContain("freigegeben", log.QuerySelector("table.audit tbody")!.TextContent);
    }
}
