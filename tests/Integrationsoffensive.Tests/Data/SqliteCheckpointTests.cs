using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Integrationsoffensive.Tests.Data;

/// <summary>
/// The write-ahead log is copied back into the database file in the background while the site
/// runs, not by whichever writer's commit finds the log long (<see cref="SqliteCheckpoints"/>).
/// </summary>
[Trait("Database", "Sqlite")]
public sealed class SqliteCheckpointTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task ASavedRow_ReachesTheDatabaseFileItself_WithinSeconds_WhileTheSiteRuns()
    {
        await _site.WithDbAsync(async db =>
        {
            db.JobRuns.Add(new JobRun("checkpoint", "saved", new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        });

        var inFile = false;
        for (var attempt = 0; attempt < 50 && !inFile; attempt++)
        {
            await Task.Delay(100);
            inFile = await InDatabaseFileAsync();
        }

        // A commit checkpoints by itself only past 10,000 pages of log; one row is far below that.
        Assert.True(inFile, "the saved row stayed in the write-ahead log and never reached the database file");
    }

    [Fact]
    public void ForAReadOnlyOrMemoryDatabase_ThereIsNothingToCopy()
    {
        Assert.False(SqliteCheckpoints.Applies("Data Source=/srv/aufruf.db;Mode=ReadOnly"));
        Assert.False(SqliteCheckpoints.Applies("Data Source=:memory:"));
        Assert.True(SqliteCheckpoints.Applies("Data Source=/srv/aufruf.db"));
    }

    // A copy of the database file without its log shows only what a checkpoint has copied.
    private async Task<bool> InDatabaseFileAsync()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.db");
        File.Copy(Path.Combine(_site.DataPath, DataSetup.DatabaseFileName), copy);
        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT COUNT(*) FROM "JobRuns" WHERE "Job" = 'checkpoint'""";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false; // not even the tables are in the file yet
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(copy) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
