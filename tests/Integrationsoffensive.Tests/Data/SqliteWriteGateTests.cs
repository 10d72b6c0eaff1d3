using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Data;

/// <summary>
/// Writers of this process take turns at one gate, whichever way they write (SaveChanges, an
/// explicit transaction, a single ExecuteUpdate/ExecuteDelete/ExecuteSql). A writer that met
/// SQLite's lock instead would be put to sleep for 150 ms at a time by Microsoft.Data.Sqlite and
/// give up with „database is locked“ after its command timeout — here one second, so that a writer
/// outside the gate fails where a gated one waits.
/// </summary>
[Trait("Database", "Sqlite")] // the gate exists for SQLite only; PostgreSQL has row locks
public sealed class SqliteWriteGateTests : IDisposable
{
    private static readonly TimeSpan Enough = TimeSpan.FromSeconds(20);
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task SingleStatement_WhileATransactionWrites_WaitsItsTurn_InsteadOfFailingWithDatabaseLocked()
    {
        await using var first = Scope(out var holder);
        await using var second = Scope(out var other);
        await using var transaction = await HoldTheWriteLockAsync(holder);

        var statement = other.JobRuns.Where(r => r.Job == "gate").ExecuteDeleteAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // longer than the statement's command timeout
        Assert.False(statement.IsCompleted);

        await transaction.CommitAsync();
        Assert.Equal(1, await statement.WaitAsync(Enough));
    }

    [Fact]
    public async Task SaveChanges_WhileATransactionWrites_WaitsItsTurn()
    {
        await using var first = Scope(out var holder);
        await using var second = Scope(out var other);
        await using var transaction = await HoldTheWriteLockAsync(holder);

        other.JobRuns.Add(new JobRun("gate", "other", new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc)));
        var save = other.SaveChangesAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(save.IsCompleted);

        await transaction.CommitAsync();
        Assert.Equal(1, await save.WaitAsync(Enough));
    }

    [Fact]
    public async Task TransactionLeftWithoutCommit_FreesTheGate_WhenItsConnectionCloses()
    {
        await using (Scope(out var holder))
        {
            var transaction = await holder.Database.BeginTransactionAsync();
            await holder.Database.ExecuteSqlAsync($"""INSERT INTO "JobRuns" ("Job", "Period", "StartedAt") VALUES ('gate', 'rolled back', '2026-11-25')""");
            _ = transaction; // neither committed nor rolled back: the scope ends, the connection closes
        }

        await using var next = Scope(out var other);
        other.JobRuns.Add(new JobRun("gate", "next", new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(1, await other.SaveChangesAsync().WaitAsync(Enough));
        Assert.Equal(["next"], await other.JobRuns.Where(r => r.Job == "gate").Select(r => r.Period).ToListAsync());
    }

    [Fact]
    public async Task SaveChangesAndStatements_InsideATransaction_DoNotWaitForTheirOwnTransaction()
    {
        await using var scope = Scope(out var db);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.JobRuns.Add(new JobRun("gate", "inside", new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc)));
        await db.SaveChangesAsync().WaitAsync(Enough);
        await db.JobRuns.Where(r => r.Period == "nothing").ExecuteDeleteAsync().WaitAsync(Enough);
        await transaction.CommitAsync();

        Assert.Equal(1, await db.JobRuns.CountAsync(r => r.Job == "gate"));
    }

    [Fact]
    public async Task ManyWritersOfEveryKindAtOnce_AllFinish_AndEveryRowIsThere()
    {
        const int writers = 60;
        await using (Scope(out _))
        {
            // the site is started (and its database created) before the writers come
        }

        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await using var scope = Scope(out var db);
            var period = i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            switch (i % 3)
            {
                case 0:
                    db.JobRuns.Add(new JobRun("many", period, new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc)));
                    await db.SaveChangesAsync();
                    break;
                case 1:
                    await db.Database.ExecuteSqlAsync($"""INSERT INTO "JobRuns" ("Job", "Period", "StartedAt") VALUES ('many', {period}, '2026-11-25')""");
                    break;
                default:
                    await using (var transaction = await db.Database.BeginTransactionAsync())
                    {
                        await db.Database.ExecuteSqlAsync($"""INSERT INTO "JobRuns" ("Job", "Period", "StartedAt") VALUES ('many', {period}, '2026-11-25')""");
                        await Task.Delay(20); // a transaction that takes a while, as a withdrawal's does
                        await transaction.CommitAsync();
                    }

                    break;
            }
        })).ToArray()).WaitAsync(TimeSpan.FromSeconds(60));

        await using var check = Scope(out var db);
        Assert.Equal(writers, await db.JobRuns.CountAsync(r => r.Job == "many"));
    }

    // A transaction that has written, so SQLite's write lock is held until it ends.
    internal static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> HoldTheWriteLockAsync(AppDbContext holder)
    {
        var transaction = await holder.Database.BeginTransactionAsync();
        await holder.Database.ExecuteSqlAsync($"""INSERT INTO "JobRuns" ("Job", "Period", "StartedAt") VALUES ('gate', 'holder', '2026-11-25')""");
        return transaction;
    }

    // A scope of its own with a command timeout of one second: a writer that met SQLite's lock
    // instead of the gate would give up with "database is locked" within the tests' waits.
    private AsyncServiceScope Scope(out AppDbContext db)
    {
        var scope = _site.Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(1);
        return scope;
    }
}
