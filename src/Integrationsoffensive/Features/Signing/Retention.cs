using Integrationsoffensive.Data;
using Integrationsoffensive.Email;
using Integrationsoffensive.Features.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// Deletes personal data whose time is up: applications never confirmed, contact data of
/// rejected applications, and mails already sent.
/// Each deletion is idempotent, so several instances may run it at once.
/// </summary>
public sealed class RetentionJob(
    AppDbContext db,
    TimeProvider clock,
    IOptions<SigningOptions> signing,
    IOptions<EmailOptions> email,
    ILogger<RetentionJob> logger)
{
    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var days = signing.Value.UnconfirmedRetentionDays;
        var unconfirmedBefore = now.AddDays(-days);

        // Counted from the newest confirmation link, so a link sent again gets its full time.
        var expired = await db.Applications
            .Where(a => a.Status == ApplicationStatus.Submitted && a.SubmittedAt < unconfirmedBefore
                && !a.Tokens.Any(t => t.Purpose == TokenPurpose.Confirm && t.CreatedAt >= unconfirmedBefore))
            .ToListAsync(cancellationToken);
        foreach (var application in expired)
        {
            db.AuditEntries.Add(new AuditEntry(now, AuditActors.System, AuditActions.DeletedUnconfirmed,
                $"Mitzeichnung Nr. {application.Id} („{application.OrganizationName}“) nach {days} Tagen ohne Bestätigung gelöscht"));
            db.Applications.Remove(application); // tokens and mails go with it (cascade)
        }

        var rejectedBefore = now.AddDays(-signing.Value.RejectedContactRetentionDays);
        var rejected = await db.Applications
            .Where(a => a.Status == ApplicationStatus.Rejected && a.RejectedAt < rejectedBefore && a.Email != null)
            .ToListAsync(cancellationToken);
        foreach (var application in rejected)
        {
            application.PurgeContactDataAfterRejection(now);
        }

        await db.SaveChangesAsync(cancellationToken);

        var sentBefore = now.AddDays(-email.Value.SentRetentionDays);
        var mails = await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);

        if (expired.Count > 0 || rejected.Count > 0 || mails > 0)
        {
            logger.LogInformation("Retention deleted {Applications} unconfirmed applications, the contact data of {Rejected} rejected ones and {Mails} sent mails",
                expired.Count, rejected.Count, mails);
        }

        return new RetentionResult(expired.Count, rejected.Count, mails);
    }
}

public sealed record RetentionResult(int UnconfirmedApplicationsDeleted, int RejectedContactDataPurged, int SentMailsDeleted);

public sealed class RetentionService(IServiceScopeFactory scopes, IOptions<SigningOptions> options, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RetentionIntervalMinutes));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Retention run failed; it runs again at the next interval");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
