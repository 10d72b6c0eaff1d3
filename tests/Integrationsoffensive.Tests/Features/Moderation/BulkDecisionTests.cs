using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Moderation;

/// <summary>Deciding many waiting applications from the queue at once: select all, approve, reject with one reason.</summary>
public sealed class BulkDecisionTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<List<Application>> WaitingAsync(int count)
    {
        var waiting = new List<Application>();
        for (var i = 0; i < count; i++)
        {
            waiting.Add(await _site.ConfirmedAsync(Applications.Details(name: $"Stapelverein {i:00}", email: $"v{i}@stapel.example")));
        }

        return waiting;
    }

    private Task<List<ApplicationStatus>> StatusesAsync() =>
        _site.WithDbAsync(db => db.Applications.OrderBy(a => a.Id).Select(a => a.Status).ToListAsync());

    [Fact]
    public async Task SelectAll_TicksEveryApplicationOnThePage_AndApprovingPublishesThemAll()
    {
        await WaitingAsync(20);
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, queue) = await client.GetPageAsync("/moderation");
        Assert.Empty(queue.QuerySelectorAll("ol.queue input[name=Selected][checked]"));

        var (_, all) = await client.GetPageAsync(queue.QuerySelector(".queue-selection a")!.GetAttribute("href")!);
        Assert.Equal(20, all.QuerySelectorAll("ol.queue input[name=Selected][checked]").Length);
        var response = await client.SubmitAsync(all, "form.queue-form", new Dictionary<string, string?>(), "button[formaction*='handler=Approve']");

        Assert.Contains("20 Mitzeichnungen sind freigegeben.", (await client.FollowAsync(response)).QuerySelector(".notice")!.TextContent);
        Assert.All(await StatusesAsync(), status => Assert.Equal(ApplicationStatus.Published, status));
        Assert.Equal(20, await _site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == MailKinds.Published)));
    }

    [Fact]
    public async Task BulkApprove_PublishesOnlyTheSelectedWaitingApplications()
    {
        var waiting = await WaitingAsync(3);
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, queue) = await client.GetPageAsync("/moderation");
        var token = queue.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/moderation?handler=Approve", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Selected", waiting[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Selected", waiting[2].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([ApplicationStatus.Published, ApplicationStatus.Confirmed, ApplicationStatus.Published], await StatusesAsync());
    }

    [Fact]
    public async Task BulkReject_RejectsTheSelectedWithOneReason_AndMailsEachOrganization()
    {
        await WaitingAsync(3);
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, all) = await client.GetPageAsync("/moderation?auswahl=alle");
        var reason = all.QuerySelector("#Reject_ReasonId option[value='3']")!.TextContent;

        var response = await client.SubmitAsync(all, "form.queue-form",
            new Dictionary<string, string?> { ["Reject.ReasonId"] = "3", ["Reject.Message"] = "Bitte melden Sie sich." }, "button[formaction*='handler=Reject']");

        Assert.Contains("3 Mitzeichnungen sind abgelehnt.", (await client.FollowAsync(response)).QuerySelector(".notice")!.TextContent);
        var rejected = await _site.WithDbAsync(db => db.Applications.Include(a => a.History).AsNoTracking().ToListAsync());
        Assert.All(rejected, a =>
        {
            Assert.Equal(ApplicationStatus.Rejected, a.Status);
            Assert.Equal(reason, a.RejectionReason);
            Assert.Contains(a.History, e => e.Action == AuditAction.Rejected && e.Actor == "moderation@aufruf.example");
        });
        Assert.Equal(3, await _site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == MailKinds.Rejected)));
    }

    [Fact]
    public async Task BulkReject_WithoutAReason_OrWithoutSelection_ExplainsAndDecidesNothing()
    {
        await WaitingAsync(2);
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, all) = await client.GetPageAsync("/moderation?auswahl=alle");
        var (_, none) = await client.GetPageAsync("/moderation");

        var noReason = await (await client.SubmitAsync(all, "form.queue-form", new Dictionary<string, string?>(), "button[formaction*='handler=Reject']")).ReadDocumentAsync();
        var noSelection = await (await client.SubmitAsync(none, "form.queue-form", new Dictionary<string, string?>(), "button[formaction*='handler=Approve']")).ReadDocumentAsync();

        Assert.Contains("Bitte wählen Sie einen Grund", noReason.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(2, noReason.QuerySelectorAll("ol.queue input[name=Selected][checked]").Length); // the selection is kept
        Assert.Contains("mindestens eine Mitzeichnung", noSelection.QuerySelector(".error-summary")!.TextContent);
        Assert.All(await StatusesAsync(), status => Assert.Equal(ApplicationStatus.Confirmed, status));
    }
}
