using System.Diagnostics;
using Npgsql;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// A fresh, empty PostgreSQL database for one test: in the cluster CI started ($TEST_POSTGRES,
/// .ci/run), or else in a throw-away cluster of its own (.ci/postgres: initdb in a temporary folder,
/// a free loopback port, an unprivileged user). Dispose drops the database and stops a cluster it started.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string? _ownCluster;

    private PostgresServer(string admin, string database, string? ownCluster)
    {
        _admin = admin;
        _ownCluster = ownCluster;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
    }

    private static string Script => Path.Combine(RepositoryPaths.Root, ".ci", "postgres");

    /// <summary>Null when the tests can use PostgreSQL; otherwise why not.</summary>
    public static string? Unavailable { get; } =
        Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } ? null
        : !File.Exists(Script) ? "PostgreSQL support (.ci/postgres) is missing."
        : System.IO.Directory.Exists("/usr/lib/postgresql") && System.IO.Directory.EnumerateDirectories("/usr/lib/postgresql").Any(v => File.Exists(Path.Combine(v, "bin", "initdb"))) ? null
        : "PostgreSQL is not installed (apt-get install postgresql; .ci/run does this) and TEST_POSTGRES is not set.";

    public string ConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var admin = Environment.GetEnvironmentVariable("TEST_POSTGRES");
        string? ownCluster = null;
        if (string.IsNullOrEmpty(admin))
        {
            var (exitCode, output) = await RunScriptAsync("start");
            var line = output.Split('\n').LastOrDefault(l => l.StartsWith("export TEST_POSTGRES=", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"could not start PostgreSQL ({exitCode}):\n{output}");
            admin = line.Split('\'')[1];
            ownCluster = line.Split("PG_DIR='")[1].TrimEnd('\'', '\n', ' ');
        }

        var database = "io_multi_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresServer(admin, database, ownCluster);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_ownCluster is not null)
        {
            await RunScriptAsync("stop", _ownCluster);
            return;
        }

        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
