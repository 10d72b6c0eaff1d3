using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Integrationsoffensive.Domain;

/// <summary>
/// The duplicate check's index kept between requests, so an application does not read every
/// known organization again: new applications are added as they are saved (see
/// <see cref="DuplicateIndexMaintenance"/>); any other change to a name, website or status, a new
/// content version or <see cref="MaxAge"/> (changes by other instances) makes it built anew.
/// The flag it sets is a hint for moderators, so seconds of staleness across instances are fine.
/// </summary>
public sealed class DuplicateIndexCache(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _building = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async Task<DuplicateMatch?> FindAsync(PublicFields fields, string contentVersion, Func<Task<DuplicateIndex>> build)
    {
        var snapshot = _snapshot;
        if (!IsCurrent(snapshot, contentVersion))
        {
            // One request builds the index; those arriving meanwhile wait for it instead of each reading every row.
            await _building.WaitAsync();
            try
            {
                snapshot = _snapshot;
                if (!IsCurrent(snapshot, contentVersion))
                {
                    snapshot = new Snapshot(await build(), contentVersion, clock.GetUtcNow());
                    _snapshot = snapshot;
                }
            }
            finally
            {
                _building.Release();
            }
        }

        lock (snapshot!.Index)
        {
            return snapshot.Index.Find(fields);
        }
    }

    public void Dispose() => _building.Dispose();

    private bool IsCurrent(Snapshot? snapshot, string contentVersion) =>
        snapshot is not null && snapshot.ContentVersion == contentVersion && clock.GetUtcNow() - snapshot.BuiltAt <= MaxAge;

    internal void Added(Application application)
    {
        if (_snapshot is { } snapshot && application.Status != ApplicationStatus.Withdrawn)
        {
            lock (snapshot.Index)
            {
                snapshot.Index.Add(DuplicateMatch.Application(application.Id, application.OrganizationName), application.NormalizedName, application.WebsiteHost);
            }
        }
    }

    internal void Invalidate() => _snapshot = null;

    private sealed record Snapshot(DuplicateIndex Index, string ContentVersion, DateTimeOffset BuiltAt);
}

/// <summary>Keeps <see cref="DuplicateIndexCache"/> in step with what this instance saves.</summary>
public sealed class DuplicateIndexMaintenance(DuplicateIndexCache cache) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, List<Application>> Adding = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
        {
            return ValueTask.FromResult(result);
        }

        var entries = context.ChangeTracker.Entries<Application>().ToList();
        // A changed name, website or status, or a deleted application: the index is built anew.
        if (entries.Any(entry => entry.State == EntityState.Deleted
            || (entry.State == EntityState.Modified && (entry.Property(a => a.NormalizedName).IsModified
                || entry.Property(a => a.WebsiteHost).IsModified || entry.Property(a => a.Status).IsModified))))
        {
            cache.Invalidate();
        }

        Adding.AddOrUpdate(context, entries.Where(entry => entry.State == EntityState.Added).Select(entry => entry.Entity).ToList());
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Adding.TryGetValue(context, out var added))
        {
            Adding.Remove(context);
            added.ForEach(cache.Added); // with their ids, now that they are saved
        }

        return ValueTask.FromResult(result);
    }
}
