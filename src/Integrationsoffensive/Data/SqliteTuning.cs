using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Integrationsoffensive.Data;

/// <summary>
/// SQLite set up for many readers and many writers at once. The file is in WAL mode (set once,
/// at migration), so readers never wait for a writer. Each physical connection gets, once:
/// <c>synchronous = NORMAL</c> — in WAL mode a commit is then not flushed to disk at once but at
/// the next checkpoint, so a power cut (not a crash of the process) can lose the last commits;
/// the database itself stays intact. That is the usual trade for WAL, and it makes a commit cost
/// microseconds instead of a disk flush. Writers of this process queue in order on one gate
/// instead of sleeping in SQLite's busy handler and retrying. SQLite's memory for all connections
/// together is held near 16 MB (<c>soft_heap_limit</c>): each pooled connection keeps a page cache
/// of its own, and with 32 requests at once these added up to a hundred megabytes. The log is
/// copied back into the file in the background (<see cref="SqliteCheckpoints"/>); a commit does it
/// itself only when the log has grown past 10,000 pages (40 MB), not at SQLite's 1,000.
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Tuned = [];

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Needs(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Needs(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16000; PRAGMA soft_heap_limit = 16777216; PRAGMA wal_autocheckpoint = 10000;";

    // Pooled connections keep their native handle: the pragmas are set once per handle, not per query.
    private static bool Needs(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Tuned.TryAdd(handle, handle);
}
