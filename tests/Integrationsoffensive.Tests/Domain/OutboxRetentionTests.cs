using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>Mails hold addresses: they go with the contact data, and once sent or given up, after their time.</summary>
public sealed class OutboxRetentionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DateTime Cutoff => _database.Now;

    private Task<int> DeleteAsync() => _database.QueryAsync(db => OutboxRetention.DeleteAsync(db, Cutoff, CancellationToken.None));

    private Task<List<string>> RemainingAsync() =>
        _database.QueryAsync(db => db.OutboxMessages.Select(m => m.Subject).OrderBy(s => s).ToListAsync());

    private Application WithMail(ApplicationStatus status, string name, Email.OutboxMessage mail)
    {
        var application = Applications.InStatus(status, Cutoff.AddDays(-40), Applications.Details(name: name));
        application.Mails.Add(mail);
        return application;
    }

    [Fact]
    public async Task MailsOfAnApplicationWhoseContactDataAreGone_AreDeleted_WaitingOrNot()
    {
        var withdrawn = WithMail(ApplicationStatus.Withdrawn, "Zurückgezogen", Mails.Waiting("An Zurückgezogen", Cutoff));
        var purged = WithMail(ApplicationStatus.Rejected, "Abgelehnt", Mails.Waiting("An Abgelehnt", Cutoff));
        purged.PurgeContactDataAfterRetention(Cutoff.AddDays(-1));
        var kept = WithMail(ApplicationStatus.Confirmed, "Bestätigt", Mails.Waiting("An Bestätigt", Cutoff));
        var rejected = WithMail(ApplicationStatus.Rejected, "Abgelehnt, in Frist", Mails.Waiting("An Abgelehnt, in Frist", Cutoff));
        await _database.AddAsync(withdrawn, purged, kept, rejected, Mails.Waiting("Ohne Antrag", Cutoff));

        Assert.Equal(2, await DeleteAsync());

        Assert.Equal(["An Abgelehnt, in Frist", "An Bestätigt", "Ohne Antrag"], await RemainingAsync());
    }

    [Fact]
    public async Task SentAndGivenUpMails_AreDeletedOnlyWhenDoneBeforeTheCutoff()
    {
        var application = WithMail(ApplicationStatus.Confirmed, "Bestätigt", Mails.Sent("Alt gesendet, mit Antrag", Cutoff.AddDays(-3)));
        await _database.AddAsync(
            application,
            Mails.Sent("Alt gesendet", Cutoff.AddMinutes(-1)),
            Mails.Sent("Gerade gesendet", Cutoff),
            Mails.GivenUp("Alt aufgegeben", Cutoff.AddMinutes(-1)),
            Mails.GivenUp("Gerade aufgegeben", Cutoff),
            Mails.Waiting("Wartet seit Langem", Cutoff.AddDays(-30)));

        Assert.Equal(3, await DeleteAsync());

        Assert.Equal(["Gerade aufgegeben", "Gerade gesendet", "Wartet seit Langem"], await RemainingAsync());
    }

    [Fact]
    public async Task BothKinds_AreCountedTogether()
    {
        var withdrawn = WithMail(ApplicationStatus.Withdrawn, "Zurückgezogen", Mails.Waiting("An Zurückgezogen", Cutoff));
        await _database.AddAsync(withdrawn, Mails.Sent("Alt gesendet", Cutoff.AddDays(-1)), Mails.GivenUp("Alt aufgegeben", Cutoff.AddDays(-1)));

        Assert.Equal(3, await DeleteAsync());

        Assert.Empty(await RemainingAsync());
        Assert.Equal(0, await DeleteAsync());
    }
}
