using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>
/// Every state an application can be in, and every way out: the applicant's withdrawal link and the
/// retention job after its period. Afterwards the database holds exactly the personal data the
/// privacy policy allows, mails and logos included.
/// </summary>
public sealed class ContactDataExitTests : IDisposable
{
    private readonly SiteFactory _site = new() { JobsOnlyWhenAsked = true };

    public void Dispose() => _site.Dispose();

    public static TheoryData<ApplicationStatus> States() =>
        new(ApplicationStatus.Submitted, ApplicationStatus.Confirmed, ApplicationStatus.Published, ApplicationStatus.Rejected, ApplicationStatus.Unpublished);

    /// <summary>An application in the state, with contact data, a logo, a mail to it and a withdrawal link.</summary>
    private async Task<(int Id, string WithdrawToken)> SeedAsync(ApplicationStatus state)
    {
        var now = _site.Clock.GetUtcNow().UtcDateTime;
        var application = Application.Submit(Applications.Details(), "2023-11", "c", false, now, logo: Applications.Logo());
        var (_, token) = ApplicationToken.Issue(application, TokenPurpose.Withdraw, now, lifetime: null);
        application.Mails.Add(new OutboxMessage(MailKinds.Receipt, application.Email!, application.ContactName, "Betreff", MailBody.Create().Paragraph("x").Build(), now));
        if (state != ApplicationStatus.Submitted)
        {
            application.Confirm(now);
        }

        switch (state)
        {
            case ApplicationStatus.Published:
                application.Publish("mod@beispiel.de", now);
                break;
            case ApplicationStatus.Rejected:
                application.Reject("mod@beispiel.de", "Grund", now);
                break;
            case ApplicationStatus.Unpublished:
                application.Publish("mod@beispiel.de", now);
                application.Unpublish("mod@beispiel.de", null, now);
                break;
        }

        await _site.WithDbAsync(async db =>
        {
            db.Applications.Add(application);
            await db.SaveChangesAsync();
        });
        return (application.Id, token);
    }

    private Task<Application?> StoredAsync(int id) =>
        _site.WithDbAsync(db => db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id));

    private Task<int> LogosAsync(int id) => _site.WithDbAsync(db => db.ApplicationLogos.CountAsync(l => l.ApplicationId == id));

    private Task<int> MailsAsync(int id) => _site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ApplicationId == id));

    [Theory]
    [MemberData(nameof(States))]
    public async Task Withdrawal_FromEveryState_DeletesContactDataAndMails_AtOnce(ApplicationStatus state)
    {
        var (id, token) = await SeedAsync(state);
        var client = _site.CreatePlainClient();
        var (page, form) = await client.GetPageAsync("/mitzeichnen/zurueckziehen/" + token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var done = await client.SubmitAsync(form, "main form", new Dictionary<string, string?>());

        Assert.Equal("/mitzeichnen/zurueckgezogen", done.Headers.Location!.OriginalString);
        var stored = (await StoredAsync(id))!;
        Assert.Equal(ApplicationStatus.Withdrawn, stored.Status);
        Assert.Null(stored.ContactName);
        Assert.Null(stored.Email);
        Assert.Null(stored.Phone);
        Assert.NotNull(stored.ContactDataPurgedAt);
        Assert.Equal(0, await MailsAsync(id));
        Assert.Equal(0, await LogosAsync(id));
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted, "deleted")]
    [InlineData(ApplicationStatus.Confirmed, "kept")]
    [InlineData(ApplicationStatus.Published, "kept")]
    [InlineData(ApplicationStatus.Rejected, "purged")]
    [InlineData(ApplicationStatus.Unpublished, "purged")]
    public async Task Retention_AfterItsPeriods_LeavesWhatTheStateAllows(ApplicationStatus state, string expected)
    {
        var (id, _) = await SeedAsync(state);
        Assert.Equal(1, await LogosAsync(id));
        _site.Clock.Advance(TimeSpan.FromDays(60));

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
        }

        var stored = await StoredAsync(id);
        switch (expected)
        {
            case "deleted":
                Assert.Null(stored);
                Assert.Equal(0, await LogosAsync(id));
                break;
            case "kept":
                Assert.Equal(Applications.Details().Email, stored!.Email);
                Assert.Equal(1, await LogosAsync(id));
                break;
            default:
                Assert.Equal(0, await LogosAsync(id));
                Assert.Null(stored!.Email);
                Assert.Null(stored.ContactName);
                Assert.Null(stored.Phone);
                Assert.Equal(0, await MailsAsync(id));
                break;
        }
    }
}
