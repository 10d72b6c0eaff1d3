using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Integrationsoffensive.Data;

/// <summary>
/// A new SQLite database gets its whole schema from one script, <c>Migrations/FreshDatabase.sql</c>,
/// which `dotnet ef migrations script` generated from the migrations: EF Core would otherwise build
/// every migration's target model and generate its SQL at the first start, a tenth of a second of
/// a new installation's start (README „Leistung“). The script records every migration as applied,
/// so later starts and upgrades go through <c>MigrateAsync</c> as before. FreshDatabaseTests fail
/// when the script is no longer what the migrations generate.
/// </summary>
public static class FreshSqliteDatabase
{
    public const string Regenerate =
        "dotnet ef migrations script --no-transactions --project src/Integrationsoffensive --context AppDbContext -o src/Integrationsoffensive/Data/Migrations/FreshDatabase.sql";

    private const string ResourceName = "fresh-database.sql";

    public static string Script()
    {
        using var stream = typeof(FreshSqliteDatabase).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream); // drops the byte order mark dotnet ef writes
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Creates the schema when the database has no table yet and says so; a database with tables
    /// is left as it is (false). The check and the script run in one immediate transaction: a second
    /// instance starting on the same file waits for it and then finds the tables.
    /// </summary>
    public static async Task<bool> CreateIfEmptyAsync(AppDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (await db.GetService<IRelationalDatabaseCreator>().HasTablesAsync()) // within the transaction
            {
                await transaction.RollbackAsync();
                return false;
            }

            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = Script();
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
