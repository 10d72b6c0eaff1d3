using Integrationsoffensive.Hosting;
using Microsoft.Data.Sqlite;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Data;

/// <summary>Started on a database it cannot write, the site stops with one clear line, not a stack trace.</summary>
[Trait("Database", "Sqlite")] // about the SQLite file itself; PostgreSQL has its own tests (Data/PostgresTests)
public sealed class StartupFaultTests
{
    [Fact]
    public async Task Start_WithAReadOnlyDatabase_ExitsWithOneClearLine()
    {
        string data;
        using (var site = new SiteFactory { DeleteOnDispose = false })
        {
            await site.CreatePlainClient().GetAsync("/healthz"); // creates the database
            data = site.DataPath;
        }

        var (exitCode, output) = await AppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(data, "integrationsoffensive.db")};Mode=ReadOnly",
            ["DataDirectory"] = data,
            ["Content__Path"] = RepositoryPaths.TestContent,
        });

        Assert.Equal(1, exitCode);
        Assert.Single(output.Split('\n'), line => line.Contains("Start abgebrochen: Die Datenbank lässt sich nicht beschreiben", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhileAnotherProgramLocksTheDatabase_SaysItIsLocked_NotThatItCannotBeWritten()
    {
        string data;
        using (var site = new SiteFactory { DeleteOnDispose = false })
        {
            await site.CreatePlainClient().GetAsync("/healthz"); // creates the database
            data = site.DataPath;
        }

        // Another program (a backup tool, a second copy of the site) holds the write lock.
        var file = Path.Combine(data, "integrationsoffensive.db");
        await using var other = new SqliteConnection($"Data Source={file};Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
        }

        var (exitCode, output) = await AppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Default"] = $"Data Source={file};Default Timeout=1",
            ["DataDirectory"] = data,
            ["Content__Path"] = RepositoryPaths.TestContent,
        });

        Assert.Equal(1, exitCode);
        Assert.True(output.Split('\n').Count(line => line.Contains("Start abgebrochen: Die Datenbank ist gesperrt", StringComparison.Ordinal)) == 1, output);
        Assert.DoesNotContain("lässt sich nicht beschreiben", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }
}
