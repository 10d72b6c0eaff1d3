using Integrationsoffensive.Data;
using Integrationsoffensive.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Domain;

/// <summary>
/// Deletes personal data whose time is up, as the privacy policy promises: applications never
/// confirmed; contact data of rejected and of unpublished applications; mails once sent or given
/// up. Every step selects by state and age and changes only rows that still match, so a second run
/// (or a second instance running at the same moment) finds nothing left to do; an entity changed
/// in between makes the save fail on its concurrency stamp, and the next run picks it up.
/// </summary>
public sealed class RetentionJob(
    AppDbContext db,
    TimeProvider clock,
    IOptions<SigningOptions> signing,
    IOptions<EmailOptions> email,
    ILogger<RetentionJob> logger) : IPeriodicJob
{
    Task IPeriodicJob.RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var options = signing.Value;
        var days = options.UnconfirmedRetentionDays;
        var unconfirmedBefore = now.AddDays(-days);

        // Counted from the newest confirmation link, so a link sent again gets its full time.
        var expired = await db.Applications
            .Where(a => a.Status == ApplicationStatus.Submitted && a.SubmittedAt < unconfirmedBefore
                && !a.Tokens.Any(t => t.Purpose == TokenPurpose.Confirm && t.CreatedAt >= unconfirmedBefore))
            .ToListAsync(cancellationToken);
        foreach (var application in expired)
        {
            db.AuditEntries.Add(new AuditEntry(now, AuditActors.System, AuditAction.DeletedUnconfirmed,
                $"Nr. {application.Id} („{application.OrganizationName}“) nach {days} Tagen ohne Bestätigung"));
            db.Applications.Remove(application); // tokens and mails go with it (cascade)
        }

        var rejectedBefore = now.AddDays(-options.RejectedContactRetentionDays);
        var unpublishedBefore = now.AddDays(-options.UnpublishedContactRetentionDays);
        var decided = await db.Applications
            .Include(a => a.Logo) // goes with the contact data
            .Where(a => a.Email != null
                && ((a.Status == ApplicationStatus.Rejected && a.RejectedAt < rejectedBefore)
                    || (a.Status == ApplicationStatus.Unpublished && a.UnpublishedAt < unpublishedBefore)))
            .ToListAsync(cancellationToken);
        foreach (var application in decided)
        {
            application.PurgeContactDataAfterRetention(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var mails = await OutboxRetention.DeleteAsync(db, now.AddDays(-email.Value.SentRetentionDays), cancellationToken);

        var result = new RetentionResult(expired.Count, decided.Count, mails);
        if (result.Changed)
        {
            logger.LogInformation(
                "Retention deleted {Applications} unconfirmed applications, the contact data of {Decided} rejected or unpublished ones and {Mails} mails",
                result.UnconfirmedApplicationsDeleted, result.ContactDataPurged, result.MailsDeleted);
        }

        return result;
    }
}

public sealed record RetentionResult(int UnconfirmedApplicationsDeleted, int ContactDataPurged, int MailsDeleted)
{
    public bool Changed => UnconfirmedApplicationsDeleted + ContactDataPurged + MailsDeleted > 0;
}
