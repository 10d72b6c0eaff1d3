using Integrationsoffensive.Data;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Integrationsoffensive.Tests.Data;

/// <summary>Both providers' migrations match the one model; the provider setting is read strictly.</summary>
public sealed class ProviderModelTests
{
    [Fact]
    public void Migrations_OfBothProviders_MatchTheModel()
    {
        using var sqlite = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: dotnet ef migrations add <Name> --context AppDbContext");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL: dotnet ef migrations add <Name> --context PostgresDbContext --output-dir Data/PostgresMigrations");
        Assert.DoesNotContain(sqlite.Database.GetMigrations(), postgres.Database.GetMigrations().Contains);
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    public void Provider_IsReadFromDatabaseProvider(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.Configured(Configuration(value)));

    [Fact]
    public void Provider_Unknown_OrPostgresWithoutConnectionString_StopsTheStartNamingTheSetting()
    {
        Assert.Contains("Database:Provider", Assert.Throws<InvalidOperationException>(() => DatabaseProviders.Configured(Configuration("MySql"))).Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Postgres", Assert.Throws<InvalidOperationException>(() => DatabaseProviders.PostgresConnectionString(Configuration("Postgres"))).Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string? provider) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider }).Build();
}

/// <summary>PostgreSQL out of reach at start: one clear line and exit code 1, as for an unwritable SQLite file.</summary>
public sealed class PostgresStartupFaultTests
{
    [Fact]
    public async Task Start_WithPostgresOutOfReach_ExitsWithOneClearLine()
    {
        var data = Directory.CreateTempSubdirectory("integrationsoffensive-pgfault-").FullName;
        try
        {
            var (exitCode, output) = await AppProcess.RunAsync([], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Database=aufruf;Username=aufruf;Timeout=3",
                ["DataDirectory"] = data,
                ["Content__Path"] = RepositoryPaths.TestContent,
            });

            Assert.Equal(1, exitCode);
            Assert.Single(output.Split('\n'), line => line.Contains("Start abgebrochen: Die Datenbank lässt sich nicht beschreiben", StringComparison.Ordinal));
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
