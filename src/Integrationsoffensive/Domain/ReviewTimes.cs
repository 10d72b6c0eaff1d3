using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Domain;

/// <summary>
/// How long a review takes: from the confirmed address to a moderator's decision (published or
/// rejected), for applications that came through the form. The median, so one forgotten
/// application does not make everyone expect weeks.
/// </summary>
public static class ReviewTimes
{
    /// <summary>The median of the decisions made since <paramref name="since"/>; null before the first.</summary>
    public static async Task<TimeSpan?> MedianAsync(AppDbContext db, DateTime? since = null)
    {
        var decided = await db.Applications.AsNoTracking()
            .Where(a => !a.AddedByModerator && a.ConfirmedAt != null && (a.PublishedAt != null || a.RejectedAt != null))
            .Select(a => new { Confirmed = a.ConfirmedAt!.Value, Decided = a.PublishedAt ?? a.RejectedAt!.Value })
            .Where(d => since == null || d.Decided >= since)
            .ToListAsync();
        var durations = decided.Select(d => d.Decided - d.Confirmed).Order().ToList();
        if (durations.Count == 0)
        {
            return null;
        }

        var middle = durations.Count / 2;
        return durations.Count % 2 == 1 ? durations[middle] : (durations[middle - 1] + durations[middle]) / 2;
    }

    /// <summary>A duration as people say it: „weniger als eine Stunde“, „etwa 5 Stunden“, „etwa 2 Tage“.</summary>
    public static string Approximately(TimeSpan duration) => duration switch
    {
        { TotalMinutes: < 60 } => "weniger als eine Stunde",
        { TotalHours: < 1.5 } => "etwa eine Stunde",
        { TotalHours: < 36 } => $"etwa {Math.Round(duration.TotalHours, MidpointRounding.AwayFromZero):0} Stunden",
        _ => $"etwa {Math.Round(duration.TotalDays, MidpointRounding.AwayFromZero):0} Tage",
    };

    /// <summary>How long something has waited: „seit weniger als einer Stunde“, „seit 5 Stunden“, „seit 3 Tagen“.</summary>
    public static string Since(TimeSpan waited) => waited switch
    {
        { TotalHours: < 1 } => "seit weniger als einer Stunde",
        { TotalHours: < 2 } => "seit einer Stunde",
        { TotalDays: < 1 } => $"seit {Math.Floor(waited.TotalHours):0} Stunden",
        { TotalDays: < 2 } => "seit einem Tag",
        _ => $"seit {Math.Floor(waited.TotalDays):0} Tagen",
    };
}

/// <summary>What an applicant is told after confirming: how long a review takes these days (the median of the last 90 days).</summary>
public sealed class TypicalReview(AppDbContext db, TimeProvider clock)
{
    public const int WindowDays = 90;

    /// <summary>„Die Prüfung dauert zurzeit in der Regel etwa 2 Tage.“; null while nothing was decided in the window.</summary>
    public async Task<string?> SentenceAsync() =>
        await ReviewTimes.MedianAsync(db, clock.GetUtcNow().UtcDateTime.AddDays(-WindowDays)) is { } median
            ? $"Die Prüfung dauert zurzeit in der Regel {ReviewTimes.Approximately(median)}."
            : null;
}
