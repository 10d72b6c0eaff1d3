using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

        // A commit checkpoints by itself only past 10,000 pages of log; one row is far below that.
        Assert.True(await ReachesTheFileAsync("checkpoint", 1), "the saved row stayed in the write-ahead log and never reached the database file");
    }

    [Fact]
    public async Task ManyWritersAtOnce_WhileTheLogIsCopied_NeverWaitForTheCopy_AndEveryRowReachesTheFile()
    {
        const int writers = 16;
        const int rowsEach = 25;
        await using (_site.Services.CreateAsyncScope())
        {
            // the site (and its database) is there before the writers come
        }

        // Several copies run while they write; a copy that took SQLite's write lock would make a
        // writer wait past its one-second command timeout and fail with „database is locked“.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var row = 0; row < rowsEach; row++)
            {
                await using var scope = _site.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.Database.SetCommandTimeout(1);
                db.JobRuns.Add(new JobRun("parallel", $"{writer:D2}-{row:D2}", new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc)));
                await db.SaveChangesAsync();
                await Task.Delay(50); // the writing lasts a few of the copy's half-second rounds
            }
        })).ToArray()).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(writers * rowsEach, await _site.WithDbAsync(db => db.JobRuns.CountAsync(r => r.Job == "parallel")));
        Assert.True(await ReachesTheFileAsync("parallel", writers * rowsEach), "not every saved row reached the database file");
    }

    [Fact]
    public void ForAReadOnlyOrMemoryDatabase_ThereIsNothingToCopy()
    {
        Assert.False(SqliteCheckpoints.Applies("Data Source=/srv/aufruf.db;Mode=ReadOnly"));
        Assert.False(SqliteCheckpoints.Applies("Data Source=:memory:"));
        Assert.True(SqliteCheckpoints.Applies("Data Source=/srv/aufruf.db"));
    }

    private async Task<bool> ReachesTheFileAsync(string job, long rows)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(100);
            if (await InDatabaseFileAsync(job) == rows)
            {
                return true;
            }
        }

        return false;
    }

    // A copy of the database file without its log shows only what a checkpoint has copied.
    private async Task<long> InDatabaseFileAsync(string job)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.db");
        File.Copy(Path.Combine(_site.DataPath, DataSetup.DatabaseFileName), copy);
        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT COUNT(*) FROM "JobRuns" WHERE "Job" = $job""";
            command.Parameters.AddWithValue("$job", job);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return -1; // not even the tables are in the file yet
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
