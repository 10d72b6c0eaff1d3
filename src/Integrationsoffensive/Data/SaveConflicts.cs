using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Integrationsoffensive.Data;

/// <summary>
/// Saving when others may be saving the same rows at the same moment. Two kinds of conflict are
/// expected and answered, never shown as an error: a parallel request got there first (a unique
/// index or a concurrency stamp says so), or a moderator acted on a version that is no longer current.
/// </summary>
public static class SaveConflicts
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY, both under SQLITE_CONSTRAINT (19).
    private const int SqliteConstraint = 19;
    private static readonly int[] SqliteUniqueViolations = [2067, 1555];

    /// <summary>True when the save broke a unique index, recognised by the database's error code (SQLite's or PostgreSQL's 23505).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && SqliteUniqueViolations.Contains(sqlite.SqliteExtendedErrorCode),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// Saves, or returns false when a parallel request changed the same rows first (a unique index or
    /// a concurrency stamp); the tracked changes are then dropped, and the caller answers as if the
    /// other request's result were its own.
    /// </summary>
    public static async Task<bool> TrySaveChangesAsync(this AppDbContext db, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is DbUpdateConcurrencyException || (exception is DbUpdateException update && update.IsUniqueViolation()))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Applies a moderator's change only to the version they saw: if the row changed since (or
    /// changes in the same instant), nothing is saved and false is returned.
    /// </summary>
    public static async Task<bool> TrySaveVersionAsync<TEntity>(this AppDbContext db, TEntity entity, Guid seenVersion, Action change)
        where TEntity : class, IVersioned
    {
        if (entity.ConcurrencyStamp != seenVersion)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        db.Entry(entity).Property(nameof(IVersioned.ConcurrencyStamp)).OriginalValue = seenVersion;
        change();
        return await db.TrySaveChangesAsync();
    }
}

/// <summary>An entity with a concurrency stamp that changes with every change.</summary>
public interface IVersioned
{
    Guid ConcurrencyStamp { get; }
}
