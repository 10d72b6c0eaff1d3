using Microsoft.Data.Sqlite;

namespace Integrationsoffensive.Data;

/// <summary>
/// Copies the write-ahead log back into the database file in the background, twice a second.
/// Without it, the writer whose commit finds the log past SQLite's threshold does that copy inside
/// its commit — while holding the write gate, so every writer behind it waits. A passive checkpoint
/// takes no write lock: writers go on appending while it copies. The connections' own threshold
/// (<see cref="SqliteTuning"/>) stays as a backstop, high enough that it is reached only when this
/// loop falls behind or stops.
/// </summary>
public sealed class SqliteCheckpoints(string connectionString, ILogger<SqliteCheckpoints> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private bool _failing;

    /// <summary>Whether the site writes to this database: not when it is opened read-only or lives in memory.</summary>
    public static bool Applies(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode is not (SqliteOpenMode.ReadOnly or SqliteOpenMode.Memory) && builder.DataSource is not ("" or ":memory:");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Applies(connectionString))
        {
            return;
        }

        // Never creates the file: before the migration has made it there is nothing to copy.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = new SqliteConnection(builder.ToString());
                await connection.OpenAsync(stoppingToken);
                await RunAsync(connection, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Never ends the site (a background service's exception would stop the host): the
                // connections' own threshold still keeps the log bounded.
                if (!_failing)
                {
                    logger.LogWarning(exception, "Background checkpoint failed; writers copy the log themselves until it works again");
                }

                _failing = true;
            }
        }
    }

    private async Task RunAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (_failing)
        {
            logger.LogInformation("Background checkpoint works again");
            _failing = false;
        }
    }
}
