using Integrationsoffensive.Data;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Data;

/// <summary>
/// The site's migrations history on SQLite writes out what EF derives from a model it would build
/// at every start (<see cref="SqliteMigrationsHistory"/>): every script must be EF's own, so that an
/// EF update that changes one fails here instead of in a production database.
/// </summary>
[Trait("Database", "Sqlite")]
public sealed class MigrationsHistoryTests
{
    private static AppDbContext Context(bool writtenOut)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:");
        if (writtenOut)
        {
            options.ReplaceService<IHistoryRepository, SqliteMigrationsHistory>();
        }

        return new AppDbContext(options.Options);
    }

    // The idempotent script's IF blocks are not supported on SQLite at all, by EF or by us.
    public static TheoryData<string> Scripts => ["create", "create if not exists", "insert", "delete", "applied"];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void EveryScript_IsTheOneEfGenerates(string script)
    {
        using var efs = Context(writtenOut: false);
        using var ours = Context(writtenOut: true);
        var (expected, actual) = (efs.GetService<IHistoryRepository>(), ours.GetService<IHistoryRepository>());
        Assert.IsType<SqliteMigrationsHistory>(actual);
        Assert.IsNotType<SqliteMigrationsHistory>(expected);

        Assert.Equal(Script(expected, script), Script(actual, script));
    }

    private static string Script(IHistoryRepository history, string script) => script switch
    {
        "create" => history.GetCreateScript(),
        "create if not exists" => history.GetCreateIfNotExistsScript(),
        "insert" => history.GetInsertScript(new HistoryRow("20261127080000_Something", "10.0.12")),
        "delete" => history.GetDeleteScript("20261127080000_Something"),
        "applied" => (string)typeof(HistoryRepository).GetProperty("GetAppliedMigrationsSql", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(history)!,
        _ => throw new ArgumentOutOfRangeException(nameof(script)),
    };

    [Fact]
    public async Task AFreshDatabase_MigratedWithIt_HasEfsHistoryTable_AndKnowsWhatIsApplied()
    {
        await using var db = Context(writtenOut: true);
        await db.Database.OpenConnectionAsync();
        await db.Database.MigrateAsync();

        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var table = await db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE name = '__EFMigrationsHistory'").SingleAsync();
        Assert.Equal(SqliteMigrationsHistory.CreateScript.TrimEnd().TrimEnd(';'), table); // SQLite keeps the statement without IF NOT EXISTS
    }

    [Fact]
    public async Task TheSite_OnSqlite_UsesIt()
    {
        await using var factory = new SiteFactory();
        await using var scope = factory.Services.CreateAsyncScope();

        Assert.IsType<SqliteMigrationsHistory>(scope.ServiceProvider.GetRequiredService<AppDbContext>().GetService<IHistoryRepository>());
    }
}
