using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>
/// The retention job over a real database: exactly the applications and contact data whose time is
/// up go, counted to the minute, and the run says what it did. Periods: unconfirmed 7 days (from the
/// newest confirmation link), rejected 30, unpublished 20, sent mails 7.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly LogCollector _logs = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    private async Task<RetentionResult> RunAsync()
    {
        await using var db = _database.CreateContext();
        using var loggers = new LoggerFactory([_logs]);
        var signing = new SigningOptions { UnconfirmedRetentionDays = 7, RejectedContactRetentionDays = 30, UnpublishedContactRetentionDays = 20 };
        var job = new RetentionJob(db, _database.Clock, Options.Create(signing), Options.Create(new EmailOptions { SentRetentionDays = 7 }), loggers.CreateLogger<RetentionJob>());
        return await job.RunAsync(CancellationToken.None);
    }

    private async Task<Application> SubmitAsync(string name, params TokenPurpose[] tokens)
    {
        var application = Applications.InStatus(ApplicationStatus.Submitted, _database.Now, Applications.Details(name: name));
        foreach (var purpose in tokens)
        {
            ApplicationToken.Issue(application, purpose, _database.Now, TimeSpan.FromDays(7));
        }

        await _database.AddAsync(application);
        return application;
    }

    /// <summary>Sends the application another link now, as /mitzeichnen/neuer-link does.</summary>
    private async Task SendLinkAsync(Application application, TokenPurpose purpose)
    {
        await using var db = _database.CreateContext();
        var stored = await db.Applications.SingleAsync(a => a.Id == application.Id);
        ApplicationToken.Issue(stored, purpose, _database.Now, TimeSpan.FromDays(7));
        await db.SaveChangesAsync();
    }

    private async Task<Application> StoredAsync(Application application) =>
        await _database.QueryAsync(db => db.Applications.Include(a => a.History).AsNoTracking().SingleAsync(a => a.Id == application.Id));

    private Task<List<string>> NamesAsync() =>
        _database.QueryAsync(db => db.Applications.OrderBy(a => a.Id).Select(a => a.OrganizationName).ToListAsync());

    [Fact]
    public async Task UnconfirmedApplications_AreDeleted_SevenDaysAfterTheirNewestConfirmationLink()
    {
        await SubmitAsync("Ohne Link");
        await SubmitAsync("Alter Link", TokenPurpose.Confirm);
        var resent = await SubmitAsync("Neuer Link", TokenPurpose.Confirm);
        var withdrawLink = await SubmitAsync("Nur Rückzugslink neu", TokenPurpose.Confirm);
        await _database.AddAsync(Applications.InStatus(ApplicationStatus.Confirmed, _database.Now, Applications.Details(name: "Bestätigt")));
        _database.Clock.Advance(TimeSpan.FromDays(3));
        await SendLinkAsync(resent, TokenPurpose.Confirm);
        await SendLinkAsync(withdrawLink, TokenPurpose.Withdraw);
        await SubmitAsync("Jung", TokenPurpose.Confirm);
        _database.Clock.Advance(TimeSpan.FromDays(5));

        var result = await RunAsync();

        Assert.Equal(new RetentionResult(3, 0, 0), result);
        Assert.Equal(["Neuer Link", "Bestätigt", "Jung"], await NamesAsync());
        Assert.Equal(3, await _database.QueryAsync(db => db.ApplicationTokens.CountAsync()));
        var entries = await _database.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.DeletedUnconfirmed).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal((AuditActors.System, _database.Now, (int?)null), (e.Actor, e.OccurredAt, e.ApplicationId)));
        Assert.Contains(entries, e => e.Details.Contains("(„Ohne Link“) nach 7 Tagen", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Details.Contains("kontakt@", StringComparison.Ordinal));
        Assert.Equal(new RetentionResult(0, 0, 0), await RunAsync());
    }

    [Fact]
    public async Task UnconfirmedApplication_ExactlySevenDaysAfterSubmissionOrLink_IsKept_AMomentLaterDeleted()
    {
        var linkSentLater = await SubmitAsync("Link später");
        _database.Clock.Advance(TimeSpan.FromDays(1));
        await SubmitAsync("Ohne Link");
        await SendLinkAsync(linkSentLater, TokenPurpose.Confirm);
        _database.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(0, (await RunAsync()).UnconfirmedApplicationsDeleted);
        _database.Clock.Advance(TimeSpan.FromMicroseconds(1)); // the finest step both stores keep (PostgreSQL: microseconds)
        Assert.Equal(2, (await RunAsync()).UnconfirmedApplicationsDeleted);
    }

    [Fact]
    public async Task DecidedApplications_LoseContactData_EachAfterItsOwnPeriod_ExactlyAtItsEnd()
    {
        var rejected = Applications.InStatus(ApplicationStatus.Rejected, _database.Now, Applications.Details(name: "Abgelehnt"));
        var unpublished = Applications.InStatus(ApplicationStatus.Unpublished, _database.Now, Applications.Details(name: "Depubliziert"));
        var published = Applications.InStatus(ApplicationStatus.Published, _database.Now, Applications.Details(name: "Veröffentlicht"));
        var waiting = Applications.InStatus(ApplicationStatus.Confirmed, _database.Now, Applications.Details(name: "Wartet"));
        await _database.AddAsync(rejected, unpublished, published, waiting);

        _database.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(0, (await RunAsync()).ContactDataPurged);
        _database.Clock.Advance(Minute);
        Assert.Equal(new RetentionResult(0, 1, 0), await RunAsync());
        Assert.False((await StoredAsync(unpublished)).HasContactData);
        Assert.True((await StoredAsync(rejected)).HasContactData);

        _database.Clock.Advance(TimeSpan.FromDays(10) - Minute);
        Assert.Equal(0, (await RunAsync()).ContactDataPurged);
        _database.Clock.Advance(Minute);
        Assert.Equal(1, (await RunAsync()).ContactDataPurged);

        var stored = await StoredAsync(rejected);
        Assert.Equal((null, null, ApplicationStatus.Rejected), (stored.Email, stored.ContactName, stored.Status));
        Assert.Equal(_database.Now, stored.ContactDataPurgedAt);
        Assert.Contains(stored.History, e => e.Action == AuditAction.ContactDataPurged && e.Actor == AuditActors.System);
        Assert.True((await StoredAsync(published)).HasContactData);
        Assert.True((await StoredAsync(waiting)).HasContactData);
        Assert.Equal(new RetentionResult(0, 0, 0), await RunAsync());
    }

    [Fact]
    public async Task SentMails_AreDeletedAfterSevenDays()
    {
        await _database.AddAsync(Mails.Sent("Vor acht Tagen", _database.Now.AddDays(-8)), Mails.Sent("Vor sechs Tagen", _database.Now.AddDays(-6)));

        Assert.Equal(new RetentionResult(0, 0, 1), await RunAsync());

        Assert.Equal(["Vor sechs Tagen"], await _database.QueryAsync(db => db.OutboxMessages.Select(m => m.Subject).ToListAsync()));
    }

    [Fact]
    public async Task ARunThatDeletedSomething_SaysWhatInTheLog_AnIdleRunSaysNothing()
    {
        await SubmitAsync("Ohne Link");
        _database.Clock.Advance(TimeSpan.FromDays(8));

        await RunAsync();
        await RunAsync();

        var entry = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("Retention deleted 1 unconfirmed applications, the contact data of 0 rejected or unpublished ones and 0 mails", entry.Message);
    }

    [Theory]
    [InlineData(0, 0, 0, false)]
    [InlineData(1, 0, 0, true)]
    [InlineData(0, 1, 0, true)]
    [InlineData(0, 0, 1, true)]
    public void Result_HasChanged_WhenAnythingWasDeleted(int applications, int contactData, int mails, bool changed) =>
        Assert.Equal(changed, new RetentionResult(applications, contactData, mails).Changed);
}
