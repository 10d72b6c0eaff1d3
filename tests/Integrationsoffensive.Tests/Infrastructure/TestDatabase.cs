using Integrationsoffensive.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// The site's database without the site: a real SQLite file in a temporary folder with every
/// migration applied, and a fake clock. For domain tests whose queries must run as real SQL
/// (retention, duplicate check, token look-up); much faster than <see cref="SiteFactory"/>.
/// A test class creates one per test in <c>InitializeAsync</c> and disposes it afterwards.
/// With TEST_DATABASE=Postgres it is a PostgreSQL database of its own instead.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("integrationsoffensive-db-").FullName;
    private readonly string? _postgres = TestPostgres.IsSuiteProvider ? TestPostgres.CreateDatabase() : null;

    private TestDatabase()
    {
    }

    /// <summary>The clock the code under test reads; tests move it forward.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_folder, DataSetup.DatabaseFileName),
        Pooling = false, // so that disposal can delete the file at once
    }.ToString();

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A new context: tests save through one and check through another, as requests do.</summary>
    public AppDbContext CreateContext() => _postgres is { } postgres
        ? TestPostgres.CreateContext(postgres)
        : new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(ConnectionString).Options);

    public async Task AddAsync(params object[] entities)
    {
        await using var db = CreateContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = CreateContext();
        return await query(db);
    }

    public ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            TestPostgres.DropDatabase(_postgres);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the OS cleans temp folders.
        }

        return ValueTask.CompletedTask;
    }
}
