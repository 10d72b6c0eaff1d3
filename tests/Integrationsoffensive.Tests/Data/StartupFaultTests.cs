using Integrationsoffensive.Hosting;
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
}
