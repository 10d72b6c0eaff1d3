using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Integrationsoffensive.Data;

/// <summary>
/// A PostgreSQL advisory lock held on the context's connection while one instance migrates: a
/// second instance starting at the same moment waits, then finds nothing pending. The lock ends
/// with the connection, so a crashed instance never leaves it behind.
/// </summary>
public sealed class PostgresMigrationLock : IAsyncDisposable
{
    // Any fixed 64-bit number that no other part of the site uses; "Integrat" in ASCII.
    public const long Key = 0x496E746567726174;

    private readonly AppDbContext _db;

    private PostgresMigrationLock(AppDbContext db) => _db = db;

    public static async Task<PostgresMigrationLock> AcquireAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await CreateDatabaseIfMissingAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        return new PostgresMigrationLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    // The lock needs the database; a first start on an empty server creates it (when allowed to),
    // and two instances creating it at once are fine: the second finds it there.
    private static async Task CreateDatabaseIfMissingAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }
    }
}
