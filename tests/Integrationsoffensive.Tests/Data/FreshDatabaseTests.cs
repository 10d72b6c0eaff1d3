using Integrationsoffensive.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Integrationsoffensive.Tests.Data;

/// <summary>
/// A new SQLite database is created from Data/Migrations/FreshDatabase.sql (<see cref="FreshSqliteDatabase"/>)
/// instead of EF Core generating every migration's SQL at the first start. The script must be what
/// the migrations generate and must leave the database that migrating one by one leaves.
/// </summary>
[Trait("Database", "Sqlite")]
public sealed class FreshDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("integrationsoffensive-fresh-").FullName;
    private readonly List<string> _events = [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // The site's SQLite context (DataSetup.UseSiteSqlite), with EF's migration events recorded.
    private AppDbContext Open(string file)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseSiteSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, file), DefaultTimeout = 30 }.ToString())
            .LogTo(line => { lock (_events) { _events.Add(line); } }, [RelationalEventId.MigrationApplying, RelationalEventId.MigrationGeneratingUpScript]);
        return new AppDbContext(options.Options);
    }

    [Fact]
    public void Script_IsWhatTheMigrationsGenerate()
    {
        using var db = Open("generate.db");
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);

        Assert.True(Lines(generated).SequenceEqual(Lines(FreshSqliteDatabase.Script())),
            "Data/Migrations/FreshDatabase.sql is not what the migrations generate; regenerate it: " + FreshSqliteDatabase.Regenerate);
    }

    [Fact]
    public async Task AFreshDatabase_FromTheScript_IsTheOneMigratingOneByOneLeaves()
    {
        await using (var stepwise = Open("stepwise.db"))
        {
            await stepwise.Database.MigrateAsync(); // EF's own way, migration by migration
        }

        await using (var fresh = Open("fresh.db"))
        {
            Assert.True(await FreshSqliteDatabase.CreateIfEmptyAsync(fresh));
        }

        Assert.Equal(await DescribeAsync("stepwise.db"), await DescribeAsync("fresh.db"));
        Assert.Contains(await DescribeAsync("fresh.db"), line => line.StartsWith("table Applications", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSite_CreatesAFreshDatabase_FromTheScript_AndLaterStartsFindNothingPending()
    {
        await using (var db = Open("site.db"))
        {
            await DataSetup.MigrateAsync(db);

            Assert.DoesNotContain(_events, e => e.Contains(nameof(RelationalEventId.MigrationApplying), StringComparison.Ordinal));
            Assert.DoesNotContain(_events, e => e.Contains(nameof(RelationalEventId.MigrationGeneratingUpScript), StringComparison.Ordinal));
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").AsAsyncEnumerable().SingleAsync());
            Assert.Equal(5, await db.RejectionReasons.CountAsync()); // the seeded reasons came with the script
        }

        await using (var again = Open("site.db"))
        {
            await DataSetup.MigrateAsync(again); // the next start: through MigrateAsync, nothing to apply
            Assert.Empty(await again.Database.GetPendingMigrationsAsync());
        }

        Assert.DoesNotContain(_events, e => e.Contains(nameof(RelationalEventId.MigrationApplying), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADatabaseWithTables_IsLeftToTheMigrations()
    {
        await using var db = Open("old.db");
        await db.GetService<IMigrator>().MigrateAsync("20261125115254_Initial");

        Assert.False(await FreshSqliteDatabase.CreateIfEmptyAsync(db));
        Assert.Equal(["20261125115254_Initial"], await db.Database.GetAppliedMigrationsAsync());

        await DataSetup.MigrateAsync(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(_events, e => e.Contains(nameof(RelationalEventId.MigrationApplying), StringComparison.Ordinal));
    }

    [Fact]
    public async Task InstancesStartingTogether_OnOneNewFile_CreateItOnce()
    {
        for (var round = 0; round < 5; round++)
        {
            var file = $"together-{round}.db";
            var contexts = Enumerable.Range(0, 4).Select(_ => Open(file)).ToList();
            using var start = new Barrier(contexts.Count);
            var created = await Task.WhenAll(contexts.Select(db => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await FreshSqliteDatabase.CreateIfEmptyAsync(db);
            })));

            Assert.Equal(1, created.Count(c => c));
            await using var check = Open(file);
            Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }
    }

    // An upgrade goes through EF's migration lock and the site's history repository
    // (SqliteMigrationsHistory): instances upgrading one old file at once take turns.
    [Fact]
    public async Task InstancesUpgradingTogether_AnOldFile_ApplyEachMigrationOnce()
    {
        await using (var old = Open("upgrade.db"))
        {
            await old.GetService<IMigrator>().MigrateAsync("20261125115254_Initial");
        }

        lock (_events)
        {
            _events.Clear(); // count only what the instances apply
        }

        var contexts = Enumerable.Range(0, 4).Select(_ => Open("upgrade.db")).ToList();
        using var start = new Barrier(contexts.Count);
        await Task.WhenAll(contexts.Select(db => Task.Run(async () =>
        {
            start.SignalAndWait();
            await DataSetup.MigrateAsync(db);
        })));

        await using var check = Open("upgrade.db");
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
        Assert.Equal(check.Database.GetMigrations().Count() - 1, _events.Count(e => e.Contains(nameof(RelationalEventId.MigrationApplying), StringComparison.Ordinal)));
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
    }

    private static string[] Lines(string script) =>
        script.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd().Split('\n');

    // Every table, index and trigger with its SQL, the applied migrations and the seeded rows.
    private async Task<List<string>> DescribeAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, file)}");
        await connection.OpenAsync();
        var lines = new List<string>();
        async Task Read(string sql, Func<SqliteDataReader, string> line)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(line(reader));
            }
        }

        // EF's migration lock table is made by MigrateAsync itself when it first needs it.
        await Read("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock' ORDER BY type, name",
            r => $"{r.GetString(0)} {r.GetString(1)} on {r.GetString(2)}: {(r.IsDBNull(3) ? "" : r.GetString(3))}");
        await Read("SELECT MigrationId, ProductVersion FROM __EFMigrationsHistory ORDER BY MigrationId", r => $"applied {r.GetString(0)} {r.GetString(1)}");
        await Read("SELECT Id, Text, SortOrder, IsActive FROM RejectionReasons ORDER BY Id", r => $"reason {r.GetInt32(0)} {r.GetString(1)} {r.GetInt32(2)} {r.GetInt32(3)}");
        return lines;
    }
}
