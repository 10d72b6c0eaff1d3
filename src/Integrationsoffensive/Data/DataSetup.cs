using Integrationsoffensive.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Integrationsoffensive.Data;

public static class DataSetup
{
    public const string DatabaseFileName = "integrationsoffensive.db";

    public static void AddData(this WebApplicationBuilder builder)
    {
        if (DatabaseProviders.Configured(builder.Configuration) == DatabaseProvider.Postgres)
        {
            AddPostgres(builder);
            return;
        }

        builder.Services.AddSingleton<SqliteTuning>();
        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddHostedService(services => new SqliteCheckpoints(ConnectionString(services), services.GetRequiredService<ILogger<SqliteCheckpoints>>()));
        // Contexts are pooled: a fresh one per request built its options and looked up EF's
        // services anew (applications at 32 clients 711-718 -> 790-833/s, README „Leistung“).
        // The model is the compiled one in CompiledModel/ (generated; CompiledModelTests fails when
        // it no longer matches OnModelCreating): building it from the conventions took a fifth of a
        // fresh start. Migrate's own check for model changes would build it anyway; that check is
        // ProviderModelTests' job, so the warning is not evaluated at start.
        builder.Services.AddDbContextPool<AppDbContext>((services, options) => options
            .UseSiteSqlite(ConnectionString(services))
            .AddInterceptors(
                services.GetRequiredService<SqliteTuning>(),
                services.GetRequiredService<SqliteWriteGate>(),
                services.GetRequiredService<Hosting.SignatoryCacheEviction>(),
                services.GetRequiredService<Domain.DuplicateIndexMaintenance>()));
    }

    /// <summary>The site's SQLite context without its interceptors: what a test builds to run the site's migrations outside the site.</summary>
    internal static DbContextOptionsBuilder UseSiteSqlite(this DbContextOptionsBuilder options, string connectionString) => options
        .UseSqlite(connectionString)
        .ReplaceService<IHistoryRepository, SqliteMigrationsHistory>() // its script written out: no model built for it at every start
        .UseModel(CompiledModel.AppDbContextModel.Instance)
        .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));

    // The same model and interceptors without SQLite's tuning and write gate: PostgreSQL has many
    // writers at once and row locks of its own. Features ask for AppDbContext and get this one.
    private static void AddPostgres(WebApplicationBuilder builder)
    {
        var connectionString = DatabaseProviders.PostgresConnectionString(builder.Configuration);
        builder.Services.AddDbContextPool<AppDbContext, PostgresDbContext>((services, options) => options
            .UseNpgsql(connectionString)
            .AddInterceptors(
                services.GetRequiredService<Hosting.SignatoryCacheEviction>(),
                services.GetRequiredService<Domain.DuplicateIndexMaintenance>()));
    }

    // The configured connection string, or a SQLite file in the data directory.
    private static string ConnectionString(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>().GetConnectionString("Default");
        return string.IsNullOrWhiteSpace(configured)
            ? new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(services.GetRequiredService<DataDirectory>().FullPath, DatabaseFileName),
                DefaultTimeout = 30,
            }.ToString()
            : configured;
    }

    /// <summary>
    /// Creates or upgrades the database on start, then switches SQLite to write-ahead logging so
    /// that readers never wait for a writer. WAL is a property of the file and survives restarts.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await MigrateAsync(db);
        await FileKeyImport.ImportAsync(db, scope.ServiceProvider.GetRequiredService<DataDirectory>());
    }

    /// <summary>
    /// Applies pending migrations; after an upgrade, recomputes the keys derived in code. Several
    /// instances starting together take turns: on PostgreSQL under an advisory lock (the next one
    /// then finds nothing pending), on SQLite under EF Core's own migration lock.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db)
    {
        if (db.Database.IsNpgsql())
        {
            await using var migrationLock = await PostgresMigrationLock.AcquireAsync(db);
            await MigrateUnlockedAsync(db);
            return;
        }

        await MigrateUnlockedAsync(db);
    }

    private static async Task MigrateUnlockedAsync(AppDbContext db)
    {
        // A new SQLite file gets the whole schema from one script instead of migration by migration.
        var created = db.Database.IsSqlite() && await FreshSqliteDatabase.CreateIfEmptyAsync(db);
        var upgrading = !created && (await db.Database.GetAppliedMigrationsAsync()).Any()
            && (await db.Database.GetPendingMigrationsAsync()).Any();
        if (!created)
        {
            await db.Database.MigrateAsync();
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        if (upgrading)
        {
            await RefreshDerivedKeysAsync(db);
        }
    }

    // Keys derived in code (duplicate, website and search keys) cannot be computed by a migration's
    // SQL; after an upgrade every row gets them anew, in batches, before the site takes requests.
    private static async Task RefreshDerivedKeysAsync(AppDbContext db)
    {
        var lastId = 0;
        while (true)
        {
            var batch = await db.Applications.Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(500).ToListAsync();
            if (batch.Count == 0)
            {
                return;
            }

            batch.ForEach(a => a.RefreshDerivedKeys());
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
        }
    }
}
