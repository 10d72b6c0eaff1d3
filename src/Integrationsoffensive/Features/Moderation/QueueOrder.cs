using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>The order moderators work in: the application confirmed longest ago first.</summary>
public static class QueueOrder
{
    public static IOrderedQueryable<Application> InQueueOrder(this IQueryable<Application> applications) =>
        applications.OrderBy(a => a.ConfirmedAt).ThenBy(a => a.Id);

    public static IOrderedQueryable<Application> Waiting(AppDbContext db) =>
        db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Confirmed).InQueueOrder();

    /// <summary>
    /// The waiting application after <paramref name="current"/> in queue order; past the end, the
    /// first one still waiting (one that was skipped); null when nothing else waits.
    /// </summary>
    public static async Task<int?> NextAfterAsync(AppDbContext db, Application current)
    {
        var confirmed = current.ConfirmedAt ?? DateTime.MinValue;
        var others = Waiting(db).Where(a => a.Id != current.Id).Select(a => new { a.Id, a.ConfirmedAt });
        var after = await others.Where(a => a.ConfirmedAt > confirmed || (a.ConfirmedAt == confirmed && a.Id > current.Id))
            .Select(a => (int?)a.Id).FirstOrDefaultAsync();
        return after ?? await others.Select(a => (int?)a.Id).FirstOrDefaultAsync();
    }
}
