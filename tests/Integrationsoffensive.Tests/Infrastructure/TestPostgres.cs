using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests may use: <c>TEST_POSTGRES</c> holds a connection string to a
/// throw-away cluster (<c>.ci/run</c> starts one; <c>bash .ci/postgres start</c> by hand). Each test
/// database is a copy of one migrated template (CREATE DATABASE … TEMPLATE: milliseconds), dropped
/// when its test ends. <c>TEST_DATABASE=Postgres</c> runs the whole fast suite on PostgreSQL.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "TEST_POSTGRES";

    public const string SkipReason = "Needs PostgreSQL: set TEST_POSTGRES to a connection string (.ci/run starts a throw-away cluster; by hand: bash .ci/postgres start).";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsConfigured => ServerConnectionString is not null;

    /// <summary>True when the whole suite runs on PostgreSQL (TEST_DATABASE=Postgres); then TEST_POSTGRES must be set.</summary>
    public static bool IsSuiteProvider { get; } = string.Equals(Environment.GetEnvironmentVariable("TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string of one database on the test server.</summary>
    public static string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(Server)
    {
        Database = database,
        Pooling = true,
        MaxPoolSize = 20,
    }.ToString();

    /// <summary>A new database with every migration applied, named for the test.</summary>
    public static string CreateDatabase(string? name = null)
    {
        var database = name ?? NewName("io_test");
        Execute($"CREATE DATABASE \"{database}\" TEMPLATE \"{Template.Value}\"");
        return database;
    }

    /// <summary>Creates the database unless it exists (a restarted site finds its data again).</summary>
    public static void EnsureDatabase(string name)
    {
        try
        {
            CreateDatabase(name);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    /// <summary>An empty database without tables (for the migrations at the site's start).</summary>
    public static string CreateEmptyDatabase()
    {
        var database = NewName("io_empty");
        Execute($"CREATE DATABASE \"{database}\" TEMPLATE template0");
        return database;
    }

    public static void DropDatabase(string name)
    {
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static PostgresDbContext CreateContext(string database) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(ConnectionString(database)).Options);

    public static string NewName(string prefix) => $"{prefix}_{Guid.NewGuid():N}";

    private static string Server => ServerConnectionString
        ?? throw new InvalidOperationException($"TEST_DATABASE=Postgres needs {Variable}: {SkipReason}");

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    // Migrated once per test run; nobody stays connected to it, so it can be copied.
    private static string CreateTemplate()
    {
        var name = NewName("io_template");
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE template0");
        var options = new DbContextOptionsBuilder<PostgresDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = false }.ToString()).Options;
        using (var db = new PostgresDbContext(options))
        {
            DataSetup.MigrateAsync(db).GetAwaiter().GetResult();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                DropDatabase(name);
            }
            catch (NpgsqlException)
            {
                // The cluster is gone already; it was a throw-away one.
            }
        };
        return name;
    }
}

/// <summary>A test that needs PostgreSQL: skipped, with the reason, when TEST_POSTGRES is not set; run (and failing if the server is unreachable) when it is.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestPostgres.IsConfigured)
        {
            Skip = TestPostgres.SkipReason;
        }
    }
}
