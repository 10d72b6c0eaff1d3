using Integrationsoffensive.Email;
using Integrationsoffensive.Hosting;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

        // While nothing listens the mails wait for the sender's next try; none loses a try of its own.
        await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.LastError == "SocketException" && m.SentAt == null), expected: 1);
        var failed = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().FirstAsync(m => m.LastError != null));
        Assert.True(failed.NextAttemptAt > site.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(0, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Attempts > 0 || m.SentAt != null)));

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
        // A weekend without the mail server: every hour another try, each refused at the door.
        using var site = await AMailAfterSixHoursWithoutTheServerAsync();

        var waiting = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Null(waiting.FailedAt);
        Assert.Contains("/mitzeichnen/bestaetigen/", waiting.TextBody);
        Assert.Contains(site.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("not available", StringComparison.Ordinal));

        site.Smtp.Start();
        site.Clock.Advance(TimeSpan.FromHours(1));

        var mail = (await site.Smtp.WaitForAsync(m => m.Subject == ApplicationMails.ConfirmSubject)).Single();
        Assert.Contains("/mitzeichnen/bestaetigen/", mail.TextBody);
    }

    [Fact]
    public async Task AfterALongOutage_AMailTheServerRefusesOnce_StillHasItsRetries_AndArrives()
    {
        // Six hours without the mail server: none of those tries was the mail's own failure.
        using var site = await AMailAfterSixHoursWithoutTheServerAsync();

        // Back, the server refuses the first delivery (a mailbox briefly unavailable), then takes it.
        var refusals = 0;
        using var back = new TestSmtpServer(site.Smtp.Port) { RejectRecipient = _ => Interlocked.Increment(ref refusals) == 1 };
        back.Start();
        site.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.WaitForAsync(() => Task.FromResult(Volatile.Read(ref refusals)), n => n >= 1, n => "the server was not asked again");
        await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.SentAt != null || m.FailedAt != null || m.NextAttemptAt > site.Clock.GetUtcNow().UtcDateTime), expected: 1);
        site.Clock.Advance(OutboxMessage.Backoff(1) + TimeSpan.FromSeconds(1));

        var mail = (await back.WaitForAsync(m => m.Subject == ApplicationMails.ConfirmSubject)).Single();
        Assert.Contains("/mitzeichnen/bestaetigen/", mail.TextBody);
        await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.SentAt != null), expected: 1); // saved just after it went out
        var sent = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Null(sent.FailedAt);
        Assert.Equal(2, sent.Attempts); // the refusal and the delivery: the outage's tries are not the mail's
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
    public async Task AMailWhoseSendingBreaksTheConnection_IsThatMailsFailure_TheOthersGoOut_AndItIsGivenUpAfterItsRetries()
    {
        // A relay that breaks down at one recipient: its mail fails on its own account, every time.
        using var site = new SmtpSiteFactory(startServer: false) { OutboxOnlyWhenAsked = true };
        site.WithSetting("Email:MaxAttempts", "3");
        using var relay = new TestSmtpServer(site.Smtp.Port) { DropConnectionAt = address => address == "abbruch@verein.example" };
        relay.Start();
        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues(name: "Abbruch e. V.", email: "abbruch@verein.example"));
        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues(name: "Zweiter Verein", email: "zwei@verein.example"));
        var sender = site.Services.GetRequiredService<OutboxSender>();

        Assert.True(await sender.SendNextAsync(CancellationToken.None));

        // The mail behind it in the batch is not held up by it.
        Assert.Equal(["zwei@verein.example"], relay.Messages.Select(m => m.To.Mailboxes.Single().Address));
        var broken = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == "abbruch@verein.example"));
        Assert.Equal(1, broken.Attempts);
        Assert.Equal("SmtpProtocolException", broken.LastError);

        for (var attempt = 2; attempt <= 3; attempt++)
        {
            site.Clock.Advance(TimeSpan.FromHours(1));
            Assert.True(await sender.SendNextAsync(CancellationToken.None), $"attempt {attempt} found nothing to send");
        }

        site.Clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await sender.SendNextAsync(CancellationToken.None)); // given up: the outbox does not stall on it
        var givenUp = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == "abbruch@verein.example"));
        Assert.Equal(3, givenUp.Attempts);
        Assert.NotNull(givenUp.FailedAt);
        Assert.DoesNotContain(site.Logs.Entries, e => e.Message.Contains("not available", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(530, "ServiceNotAuthenticatedException")]
    [InlineData(421, "SmtpCommandException 421")]
    public async Task AServerThatRefusesTheSitesSender_LongerThanTheRetries_LosesNoMail_ItGoesOutOnceTheServerTakesMailAgain(int code, string error)
    {
        // The provider suddenly wants a login (530 at MAIL FROM) or throttles the site (421): no mail
        // can go out, none is at fault.
        using var site = new SmtpSiteFactory(startServer: false) { OutboxOnlyWhenAsked = true };
        site.WithSetting("Email:MaxAttempts", "3");
        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues());
        var sender = site.Services.GetRequiredService<OutboxSender>();
        using (new TestSmtpServer(site.Smtp.Port) { RefuseSenderWith = code }.Start())
        {
            for (var hour = 1; hour <= 6; hour++)
            {
                Assert.True(await sender.SendNextAsync(CancellationToken.None), $"nothing tried in hour {hour}");
                site.Clock.Advance(TimeSpan.FromHours(1));
            }
        }

        var waiting = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Null(waiting.FailedAt);
        Assert.Equal(0, waiting.Attempts);
        Assert.Equal(error, waiting.LastError);
        Assert.Single(OutageWarnings(site));
        Assert.Single(site.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains(error, StringComparison.Ordinal));

        site.Smtp.Start(); // the login is set up, the server takes mail again
        Assert.True(await sender.SendNextAsync(CancellationToken.None));

        var mail = Assert.Single(site.Smtp.Messages);
        Assert.Contains("/mitzeichnen/bestaetigen/", mail.TextBody);
    }

    [Fact]
    public async Task WhileAnotherInstanceTriesTheSameMails_TheOutageGoesOn_WithOneWarning_AndItsBackoffGrows()
    {
        using var site = new SmtpSiteFactory(startServer: false) { OutboxOnlyWhenAsked = true };
        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues());
        var sender = site.Services.GetRequiredService<OutboxSender>();
        Assert.True(await sender.SendNextAsync(CancellationToken.None)); // no server: the outage begins

        // The other instance also found the server down and set the mail's next try later.
        var later = site.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(5);
        await site.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, later)));
        site.Clock.Advance(TimeSpan.FromMinutes(1)); // past this instance's next try, not the mail's
        Assert.False(await sender.SendNextAsync(CancellationToken.None));
        site.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await sender.SendNextAsync(CancellationToken.None));

        Assert.Single(OutageWarnings(site)); // the same outage, not a new one
        var waiting = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Equal(site.Clock.GetUtcNow().UtcDateTime + OutboxMessage.Backoff(2), waiting.NextAttemptAt);
    }

    [Fact]
    public async Task AnOutageWhoseMailsWentOutElsewhere_IsOver_TheNextOneStartsAfresh_WithItsWarningAndTheFirstBackoff()
    {
        using var site = new SmtpSiteFactory(startServer: false) { OutboxOnlyWhenAsked = true };
        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues());
        var sender = site.Services.GetRequiredService<OutboxSender>();
        Assert.True(await sender.SendNextAsync(CancellationToken.None)); // no server: the outage begins
        Assert.Single(OutageWarnings(site));

        // Another instance reaches its server and sends the waiting mail; here nothing is left to try.
        var sentElsewhere = site.Clock.GetUtcNow().UtcDateTime;
        await site.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentElsewhere)));
        site.Clock.Advance(TimeSpan.FromMinutes(1)); // past this instance's next try
        Assert.False(await sender.SendNextAsync(CancellationToken.None));

        // A day later the server is down again: a new outage, announced, tried again after 30 s.
        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues(name: "Zweiter Verein", email: "zwei@verein.example"));
        Assert.True(await sender.SendNextAsync(CancellationToken.None));

        Assert.Equal(2, OutageWarnings(site).Count);
        var waiting = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.SentAt == null));
        Assert.Equal(site.Clock.GetUtcNow().UtcDateTime + OutboxMessage.Backoff(1), waiting.NextAttemptAt);
        Assert.Equal(0, waiting.Attempts);
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

        // The first batch found the server down: its mails wait with the connection's error, the
        // others for the sender's next try; no mail has used up a try of its own.
        await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.LastError != null), expected: 1);
        var errors = await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.LastError != null).Select(m => m.LastError).Distinct().ToListAsync());
        Assert.Equal(["SocketException"], errors);
        Assert.Equal(0, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Attempts > 0 || m.SentAt != null)));

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
            await WaitUntilAsync(first, db => db.OutboxMessages.CountAsync(m => m.LastError != null), expected: 1);
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

    // One application while no mail server listens, then six hourly tries of the sender. Three tries
    // (30 s, 1 min, 2 min apart) are what a mail the server refuses gets; an outage is not its failure.
    private static async Task<SmtpSiteFactory> AMailAfterSixHoursWithoutTheServerAsync()
    {
        var site = new SmtpSiteFactory(startServer: false);
        site.WithSetting("Email:MaxAttempts", "3");
        await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues());
        await WaitUntilAsync(site, db => db.OutboxMessages.CountAsync(m => m.LastError == "SocketException"), expected: 1);
        for (var hour = 1; hour <= 6; hour++)
        {
            await NextTryAfterAnHourAsync(site, hour);
        }

        return site;
    }

    // Moves the clock an hour on and waits until the sender has tried again (the mail's next try moved).
    private static async Task NextTryAfterAnHourAsync(SiteFactory site, int hour)
    {
        var due = await site.WithDbAsync(db => db.OutboxMessages.Select(m => m.NextAttemptAt).SingleAsync());
        site.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.WaitForAsync(
            () => site.WithDbAsync(db => db.OutboxMessages.Select(m => m.NextAttemptAt).SingleAsync()),
            next => next > due, next => $"no new try after hour {hour}: next at {next:O}");
    }

    private static List<LogEntry> OutageWarnings(SiteFactory site) =>
        [.. site.Logs.Entries.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.StartsWith("The mail server is not available", StringComparison.Ordinal))];

    private static Task<int> WaitUntilAsync(SiteFactory site, Func<Integrationsoffensive.Data.AppDbContext, Task<int>> count, int expected) =>
        Eventually.WaitForAsync(() => site.WithDbAsync(count), n => n >= expected, n => $"expected {expected} outbox rows in that state, found {n}");
}
