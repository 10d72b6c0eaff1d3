using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integrationsoffensive.Domain;

/// <summary>
/// The claim on one period of a background job (e.g. retention in the hour 2026-11-25 10:00 UTC):
/// job and period are the key, so however many instances start the job in that period, one saves
/// the row and runs it; the others fail on the key and skip it.
/// </summary>
public sealed class JobRun
{
    private JobRun()
    {
    }

    public JobRun(string job, string period, DateTime startedAt)
    {
        Job = job;
        Period = period;
        StartedAt = startedAt;
    }

    public string Job { get; private set; } = "";

    /// <summary>The period's start in UTC, ISO 8601 (sorts and reads well).</summary>
    public string Period { get; private set; } = "";

    public DateTime StartedAt { get; private set; }

    /// <summary>The start of the period of length <paramref name="interval"/> that holds <paramref name="now"/>.</summary>
    public static string PeriodOf(DateTime now, TimeSpan interval) =>
        new DateTime(now.Ticks - (now.Ticks % interval.Ticks), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when this instance claimed the period (and should run the job); false when another did.</summary>
    public static async Task<bool> TryClaimAsync(AppDbContext db, string job, DateTime now, TimeSpan interval, CancellationToken cancellationToken)
    {
        var period = PeriodOf(now, interval);
        if (await db.JobRuns.AnyAsync(r => r.Job == job && r.Period == period, cancellationToken))
        {
            return false;
        }

        // Old claims are of no further use; a day's worth is kept to see in the database what ran.
        var before = PeriodOf(now.AddDays(-1), interval);
        await db.JobRuns.Where(r => r.Job == job && r.Period.CompareTo(before) < 0).ExecuteDeleteAsync(cancellationToken);

        // The key decides; an instance that comes second inserts nothing (SQLite and PostgreSQL
        // alike), instead of failing on the key and having EF log that as an error.
        return await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "JobRuns" ("Job", "Period", "StartedAt") VALUES ({job}, {period}, {now}) ON CONFLICT DO NOTHING""",
            cancellationToken) == 1;
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.HasKey(r => new { r.Job, r.Period });
        builder.Property(r => r.Job).HasMaxLength(60);
        builder.Property(r => r.Period).HasMaxLength(20);
    }
}
