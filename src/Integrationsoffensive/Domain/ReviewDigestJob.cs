using Integrationsoffensive.Data;
using Integrationsoffensive.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Domain;

/// <summary>
/// Once a day, from <see cref="ReviewOptions.DigestHour"/> (Berlin time) on, the moderators get a
/// digest of what waits, if anything does. The day is claimed by a row keyed on the date, saved in
/// the same transaction as the mails: however many instances run it at once, one wins the key and
/// its mails go out; the others save nothing.
/// </summary>
public sealed class ReviewDigestJob(
    AppDbContext db,
    ModeratorMails mails,
    IOptions<ReviewOptions> review,
    TimeProvider clock,
    ILogger<ReviewDigestJob> logger) : IPeriodicJob
{
    Task IPeriodicJob.RunAsync(CancellationToken cancellationToken) => SendIfDueAsync(cancellationToken);

    /// <summary>True when this call sent today's digest.</summary>
    public async Task<bool> SendIfDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = CampaignTime.Day(now);
        if (CampaignTime.ToBerlin(now).Hour < review.Value.DigestHour || await db.DailyDigests.AnyAsync(d => d.Day == day, cancellationToken))
        {
            return false;
        }

        var waiting = WaitingApplications.Waiting(db);
        var oldest = await waiting.InQueueOrder().Select(a => new { a.OrganizationName, a.ConfirmedAt }).FirstOrDefaultAsync(cancellationToken);
        if (oldest is null)
        {
            return false; // nothing waits: no mail, and the day stays open for later arrivals
        }

        var overdueBefore = WaitingApplications.OverdueBefore(now, review.Value);
        var summary = new WaitingSummary(
            await waiting.CountAsync(cancellationToken),
            await waiting.CountAsync(a => a.ConfirmedAt < overdueBefore, cancellationToken),
            review.Value.OverdueDays,
            oldest.OrganizationName,
            oldest.ConfirmedAt ?? now);
        db.DailyDigests.Add(new DailyDigest(day, now, summary.Count));
        db.OutboxMessages.AddRange(mails.Digest(summary, now));
        if (!await db.TrySaveChangesAsync(cancellationToken))
        {
            return false; // another instance claimed the day a moment earlier
        }

        logger.LogInformation("Review digest for {Day} queued: {Waiting} waiting, {Overdue} overdue", day, summary.Count, summary.Overdue);
        return true;
    }
}

/// <summary>Looks every <see cref="ReviewOptions.DigestCheckMinutes"/> whether today's digest is due.</summary>
public sealed class ReviewDigestService(IServiceScopeFactory scopes, IOptions<ReviewOptions> options, ILogger<ReviewDigestService> logger)
    : PeriodicService<ReviewDigestJob>(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.DigestCheckMinutes);
}
