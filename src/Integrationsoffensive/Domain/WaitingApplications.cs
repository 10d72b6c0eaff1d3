using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Domain;

/// <summary>
/// The applications waiting for a decision, in the order moderators work them (confirmed longest
/// ago first), and which of them wait too long (<see cref="ReviewOptions.OverdueDays"/>). The queue,
/// the detail page's „nächster Antrag“, the daily digest and the dashboard all ask here.
/// </summary>
public static class WaitingApplications
{
    public static IQueryable<Application> Waiting(AppDbContext db) =>
        db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Confirmed);

    public static IOrderedQueryable<Application> InQueueOrder(this IQueryable<Application> applications) =>
        applications.OrderBy(a => a.ConfirmedAt).ThenBy(a => a.Id);

    /// <summary>Confirmed before this moment and still waiting means overdue.</summary>
    public static DateTime OverdueBefore(DateTime now, ReviewOptions options) => now.AddDays(-options.OverdueDays);

    /// <summary>
    /// The waiting application after <paramref name="current"/> in queue order; past the end, the
    /// first one still waiting (one that was skipped); null when nothing else waits.
    /// </summary>
    public static async Task<int?> NextAfterAsync(AppDbContext db, Application current)
    {
        var confirmed = current.ConfirmedAt ?? DateTime.MinValue;
        var others = Waiting(db).Where(a => a.Id != current.Id).InQueueOrder().Select(a => new { a.Id, a.ConfirmedAt });
        var after = await others.Where(a => a.ConfirmedAt > confirmed || (a.ConfirmedAt == confirmed && a.Id > current.Id))
            .Select(a => (int?)a.Id).FirstOrDefaultAsync();
        return after ?? await others.Select(a => (int?)a.Id).FirstOrDefaultAsync();
    }
}
