using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Features.Signing;

public sealed class RetentionTests : IDisposable
{
    private readonly SiteFactory _site = new() { JobsOnlyWhenAsked = true };

    public void Dispose() => _site.Dispose();

    private async Task<RetentionResult> RunAsync()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UnconfirmedApplications_AreDeletedAfterSevenDays_ExactlyTheExpiredOnes()
    {
        var old = await _site.SubmittedAsync(Applications.Details(name: "Alt, unbestätigt", email: "alt@beispiel.de"));
        var oldButConfirmed = await _site.ConfirmedAsync(Applications.Details(name: "Alt, bestätigt", email: "bestaetigt@beispiel.de"));
        _site.Clock.Advance(TimeSpan.FromDays(3));
        var recent = await _site.SubmittedAsync(Applications.Details(name: "Jung, unbestätigt", email: "jung@beispiel.de"));
        _site.Clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(1));

        var result = await RunAsync();

        Assert.Equal(1, result.UnconfirmedApplicationsDeleted);
        var remaining = await _site.WithDbAsync(db => db.Applications.Select(a => a.Id).ToListAsync());
        Assert.Equal(new[] { oldButConfirmed.Id, recent.Id }.Order(), remaining.Order());
        Assert.False(await _site.WithDbAsync(db => db.ApplicationTokens.AnyAsync(t => t.ApplicationId == old.Id)));
        var entry = await _site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.DeletedUnconfirmed));
        Assert.Equal(AuditActors.System, entry.Actor);
        Assert.Contains("Alt, unbestätigt", entry.Details);
        Assert.DoesNotContain("alt@beispiel.de", entry.Details);
        Assert.Equal(0, (await RunAsync()).UnconfirmedApplicationsDeleted);
    }

    [Fact]
    public async Task UnconfirmedApplication_WithALinkSentAgain_IsKeptUntilThatLinkHadItsTime()
    {
        await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues());
        _site.Clock.Advance(TimeSpan.FromDays(6));
        var client = _site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen/neuer-link");
        await client.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = "kontakt@fluechtlingshilfe.example" });
        var resent = (await _site.WaitForPickupMailsAsync(m => m.Subject == ApplicationMails.ConfirmSubject, count: 2))[^1];
        _site.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(0, (await RunAsync()).UnconfirmedApplicationsDeleted);
        var (_, page) = await client.GetPageAsync(SigningSteps.LinkIn(resent.TextBody, "/mitzeichnen/bestaetigen/"));
        var confirmed = await client.SubmitAsync(page, "main form", new Dictionary<string, string?>());
        Assert.Equal("/mitzeichnen/bestaetigt", confirmed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task RejectedApplications_LoseTheirContactDataAfter30Days_NotBefore()
    {
        var application = await _site.ConfirmedAsync();
        await _site.WithDbAsync(async db =>
        {
            (await db.Applications.SingleAsync()).Reject("moderation@aufruf.example", "Nicht überprüfbar", _site.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });

        _site.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await RunAsync()).ContactDataPurged);
        _site.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await RunAsync()).ContactDataPurged);

        var stored = await _site.WithDbAsync(db => db.Applications.Include(a => a.History).AsNoTracking().SingleAsync());
        Assert.Null(stored.Email);
        Assert.Null(stored.ContactName);
        Assert.Equal("Flüchtlingshilfe Musterstadt e. V.", stored.OrganizationName);
        Assert.Contains(stored.History, e => e.Action == AuditAction.ContactDataPurged && e.Actor == AuditActors.System);
        Assert.Equal(application.Id, stored.Id);
    }

    [Fact]
    public async Task UnconfirmedApplication_JustBeforeSevenDays_IsKept()
    {
        await _site.SubmittedAsync();
        _site.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));

        Assert.Equal(0, (await RunAsync()).UnconfirmedApplicationsDeleted);
    }

    [Fact]
    public async Task SentAndGivenUpMails_AreDeletedAfterTheirRetention_WaitingOnesStay()
    {
        await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues());
        // The sender marks the mail as sent in the background.
        await Eventually.UntilAsync(() => _site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.SentAt != null)), "a mail marked as sent");

        await _site.WithDbAsync(async db =>
        {
            // Confirmed, so the application itself is not due for deletion; plus one mail given up
            // long ago and one still waiting for its next attempt.
            var now = _site.Clock.GetUtcNow().UtcDateTime;
            (await db.Applications.SingleAsync()).Confirm(now);
            var body = Integrationsoffensive.Email.MailBody.Create().Paragraph("x").Build();
            var givenUp = new Integrationsoffensive.Email.OutboxMessage("test", "x@beispiel.de", null, "Aufgegeben", body, now);
            givenUp.MarkFailed(now, "SocketException", maxAttempts: 1);
            var waiting = new Integrationsoffensive.Email.OutboxMessage("test", "y@beispiel.de", null, "Wartet", body, now);
            waiting.MarkFailed(now.AddDays(8), "SocketException", maxAttempts: 5);
            db.OutboxMessages.AddRange(givenUp, waiting);
            await db.SaveChangesAsync();
        });
        _site.Clock.Advance(TimeSpan.FromDays(8));

        var result = await RunAsync();

        Assert.Equal(2, result.MailsDeleted);
        Assert.Equal(["Wartet"], await _site.WithDbAsync(db => db.OutboxMessages.Select(m => m.Subject).ToListAsync()));
    }
}

public sealed class RetentionSettingsTests : IDisposable
{
    private readonly SiteFactory _site = new SiteFactory()
        .WithSetting("Signing:UnconfirmedRetentionDays", "5")
        .WithSetting("Signing:RejectedContactRetentionDays", "14")
        .WithSetting("Signing:UnpublishedContactRetentionDays", "21")
        .WithSetting("Signing:ConfirmationMailIntervalMinutes", "20");

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task PrivacyPolicy_StatesThePeriodsTheConfigurationUses()
    {
        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/datenschutz");
        var text = page.QuerySelector("main")!.Text();

        Assert.Contains("den Antrag 5 Tage nach dem letzten Bestätigungslink", text);
        Assert.Contains("nach 14 Tagen", text);
        Assert.Contains("nach 7 Tagen", text); // sent mails, from Email:SentRetentionDays
        Assert.Contains("nach 21 Tagen", text);
        Assert.Contains("alle 20 Minuten eine Bestätigungsmail", text);
        Assert.DoesNotContain("{{", text);
    }
}
