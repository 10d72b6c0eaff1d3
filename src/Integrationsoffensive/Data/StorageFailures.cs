using Microsoft.Data.Sqlite;

namespace Integrationsoffensive.Data;

/// <summary>
/// Failures of the storage itself rather than of a request: the database is read-only, the disk is
/// full, the file cannot be opened or written. Users get "temporarily unavailable" (503), operators
/// one clear log line; nothing already saved is touched.
/// </summary>
public static class StorageFailures
{
    // SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN
    private static readonly int[] SqliteCodes = [8, 10, 13, 14];

    public static bool IsStorageFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite && SqliteCodes.Contains(sqlite.SqliteErrorCode)
                || e is UnauthorizedAccessException
                || e is IOException { HResult: 28 or 30 }) // ENOSPC, EROFS
            {
                return true;
            }
        }

        return false;
    }
}
