using Integrationsoffensive.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Data;

public static class DataSetup
{
    public const string DatabaseFileName = "integrationsoffensive.db";

    public static void AddData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(builder.DataDirectory().FullPath, DatabaseFileName),
                DefaultTimeout = 30,
            }.ToString();
        }

        builder.Services.AddDbContext<AppDbContext>((services, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(services.GetRequiredService<Features.Signatories.SignatoryCacheEviction>()));
    }

    /// <summary>
    /// Creates or upgrades the database on start, then switches SQLite to write-ahead logging so
    /// that readers never wait for a writer. WAL is a property of the file and survives restarts.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
