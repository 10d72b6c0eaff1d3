using Microsoft.Data.Sqlite;
using Npgsql;

namespace Integrationsoffensive.Data;

/// <summary>
/// Failures of the storage itself rather than of a request: the database is read-only, the disk is
/// full, the file cannot be opened or written. Users get "temporarily unavailable" (503), operators
/// one clear log line; nothing already saved is touched.
/// </summary>
public static class StorageFailures
{
    // SQLITE_BUSY (another process, a backup say, held the file past the busy timeout),
    // SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN
    private static readonly int[] SqliteCodes = [5, 8, 10, 13, 14];

    // PostgreSQL: disk full, out of memory, read-only transaction (a standby), too many connections,
    // the server shutting down or starting up; any class 08 (connection) error.
    private static readonly string[] PostgresStates = ["53100", "53200", "25006", "53300", "57P01", "57P02", "57P03"];

    /// <summary>What a request that failed with <paramref name="exception"/> answers: 503 for the storage's failures, else 500.</summary>
    public static int StatusCodeFor(Exception exception) =>
        IsStorageFailure(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>SQLite's file was held past the busy timeout by another program (a backup, a second copy of the site).</summary>
    public static bool IsLockedByAnother(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 }) // SQLITE_BUSY
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsStorageFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite && SqliteCodes.Contains(sqlite.SqliteErrorCode)
                || e is PostgresException postgres && (PostgresStates.Contains(postgres.SqlState) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal))
                // The connection itself failed (refused, timed out, or dropped mid-command by a failover,
                // a pooler's restart or a firewall: then an IOException inside). Npgsql's own judgement;
                // a PostgresException is the server's answer and is judged by its state above.
                || e is NpgsqlException { IsTransient: true } and not PostgresException
                || e is UnauthorizedAccessException
                || e is IOException { HResult: 28 or 30 }) // ENOSPC, EROFS
            {
                return true;
            }
        }

        return false;
    }
}
