using Integrationsoffensive.Email;
using Integrationsoffensive.Hosting;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Signing;

public sealed class OutboxTests
{
    [Fact]
    public async Task WithoutSmtpSettings_MailsAreWrittenAsEmlFilesIntoTheDataDirectory()
    {
        using var site = new SiteFactory();

        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues());

        var mail = (await site.WaitForPickupMailsAsync(m => m.Subject == ApplicationMails.ConfirmSubject)).Single();
        Assert.Equal("kontakt@fluechtlingshilfe.example", mail.To.Mailboxes.Single().Address);
        Assert.StartsWith(Path.Combine(site.DataPath, "mail"), site.PickupPath);
        Assert.Contains("/mitzeichnen/bestaetigen/", mail.TextBody);
    }

    [Fact]
    public async Task SmtpDownThenUp_EveryMailArrivesExactlyOnce()
    {
        using var site = new SmtpSiteFactory(startServer: false);
        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues());
        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues(name: "Zweiter Verein", email: "zwei@verein.example"));

        // Both mails fail while nothing listens, and wait for their next try.
        await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.Attempts >= 1 && m.SentAt == null), expected: 2);
        var failed = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().FirstAsync());
        Assert.Equal("SocketException", failed.LastError);
        Assert.True(failed.NextAttemptAt > site.Clock.GetUtcNow().UtcDateTime);

        site.Smtp.Start();
        site.Clock.Advance(OutboxMessage.Backoff(1) + TimeSpan.FromSeconds(1));

        var arrived = await site.Smtp.WaitForAsync(m => m.Subject == ApplicationMails.ConfirmSubject, count: 2);
        // Once every row is marked as sent, nothing can go out again: then count what arrived.
        await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.SentAt != null), expected: 2);
        Assert.Equal(2, site.Smtp.Messages.Count);
        Assert.Equal(["kontakt@fluechtlingshilfe.example", "zwei@verein.example"], arrived.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(0, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)));
    }

    [Fact]
    public async Task AMailServerOutageLongerThanTheRetries_LosesNoMail_ItWaitsAndGoesOutWhenTheServerIsBack()
    {
        // Three tries (30 s, 1 min, 2 min apart) for a mail the server refuses; an outage is not the mail's failure.
        using var site = new SmtpSiteFactory(startServer: false);
        site.WithSetting("Email:MaxAttempts", "3");
        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues());

        // A weekend without the mail server: every hour another try, each refused at the door.
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.Attempts >= attempt), expected: 1);
            site.Clock.Advance(TimeSpan.FromHours(1));
        }

        var waiting = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Null(waiting.FailedAt);
        Assert.Contains("/mitzeichnen/bestaetigen/", waiting.TextBody);
        Assert.Contains(site.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("cannot be reached", StringComparison.Ordinal));

        site.Smtp.Start();
        site.Clock.Advance(TimeSpan.FromHours(1));

        var mail = (await site.Smtp.WaitForAsync(m => m.Subject == ApplicationMails.ConfirmSubject)).Single();
        Assert.Contains("/mitzeichnen/bestaetigen/", mail.TextBody);
    }

    [Fact]
    public async Task AMailTheServerRefuses_IsGivenUpAfterTheRetries_AndItsLinkForgotten()
    {
        using var site = new SmtpSiteFactory(startServer: false);
        site.WithSetting("Email:MaxAttempts", "3");
        using var refusing = new TestSmtpServer(site.Smtp.Port) { RejectRecipient = _ => true };
        refusing.Start();
        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues());

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.Attempts >= attempt), expected: 1);
            site.Clock.Advance(TimeSpan.FromHours(1));
        }

        await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.FailedAt != null), expected: 1);
        var givenUp = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Equal(3, givenUp.Attempts);
        Assert.Equal("", givenUp.TextBody);
    }

    [Fact]
    public async Task ManyApplicationsAtOnce_WhileSmtpIsDown_AreSentOnceEach_InBatchesOverFewConnections()
    {
        const int count = 30;
        using var site = new SmtpSiteFactory(startServer: false);
        await site.CreatePlainClient().GetAsync("/healthz"); // the site has started before the applicants arrive

        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues(name: $"Verein Nummer {i}", email: $"verein{i}@beispiel.example"))));
        Assert.All(answers, answer => Assert.Equal("/mitzeichnen/danke", answer.Headers.Location?.OriginalString));

        // Every mail failed at least once, each with the error of the connection, not of its batch.
        await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.Attempts >= 1 && m.SentAt == null), expected: count);
        var errors = await site.WithDbAsync(db => db.OutboxMessages.Select(m => m.LastError).Distinct().ToListAsync());
        Assert.Equal(["SocketException"], errors);

        site.Smtp.Start();
        site.Clock.Advance(TimeSpan.FromHours(1)); // past every backoff
        await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.SentAt != null), expected: count);

        Assert.Equal(count, site.Smtp.Messages.Count);
        Assert.Equal(count, site.Smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.InRange(site.Smtp.Sessions, 2, 3); // batches of 25, not a connection per mail
    }

    [Fact]
    public async Task Restart_WithUnsentMail_SendsItAfterwards()
    {
        var smtp = new TestSmtpServer();
        string dataPath;
        using (var first = new SmtpSiteFactory(startServer: false) { DeleteOnDispose = false })
        {
            first.WithSetting("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await first.ApplyAsync(first.CreatePlainClient(), Applications.FormValues());
            await WaitUntilAsync(first, db => db.OutboxMessages.CountAsync(m => m.Attempts >= 1), expected: 1);
            dataPath = first.DataPath;
        }

        using (smtp.Start())
        using (var second = new SiteFactory())
        {
            second.WithSetting("DataDirectory", dataPath)
                .WithSetting("Email:Smtp:Host", "127.0.0.1")
                .WithSetting("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithSetting("Email:Smtp:Security", "None");
            second.Clock.Advance(TimeSpan.FromHours(1));
            await second.CreatePlainClient().GetAsync("/healthz");

            var mail = (await smtp.WaitForAsync(m => m.Subject == ApplicationMails.ConfirmSubject)).Single();
            Assert.Equal("kontakt@fluechtlingshilfe.example", mail.To.Mailboxes.Single().Address);
        }

        Directory.Delete(Path.GetDirectoryName(dataPath)!, recursive: true);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(20, 3600)]
    public void Backoff_DoublesFrom30SecondsUpToOneHour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxMessage.Backoff(attempts));

    private static Task<int> WaitUntilAsync(SiteFactory site, Func<Integrationsoffensive.Data.AppDbContext, Task<int>> count, int expected) =>
        Eventually.WaitForAsync(() => site.WithDbAsync(count), n => n >= expected, n => $"expected {expected} outbox rows in that state, found {n}");
}
