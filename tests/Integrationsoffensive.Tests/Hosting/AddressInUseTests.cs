using System.Net;
using System.Net.Sockets;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// Started on an address another process already listens on (the old process of a restart that has
/// not let go yet, a second copy, another program), the site stops with one clear line and exit
/// code 1 — not an unhandled exception, a stack trace and an abort (exit code 134).
/// </summary>
[Trait("Database", "Sqlite")] // the process it starts runs on SQLite either way; once is enough
public sealed class AddressInUseTests
{
    [Fact]
    public async Task Start_OnAnAddressInUse_ExitsWithOneClearLine()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var data = Directory.CreateTempSubdirectory("integrationsoffensive-address-").FullName;
        try
        {
            var (exitCode, output) = await AppProcess.RunAsync([], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["DataDirectory"] = data,
                ["Content__Path"] = RepositoryPaths.TestContent,
            });

            Assert.Equal(1, exitCode);
            Assert.Single(output.Split('\n'), line => line.Contains($"Start abgebrochen: Die Adresse http://127.0.0.1:{port} ist schon belegt", StringComparison.Ordinal));
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
