using System.Net;
using System.Net.Sockets;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Servers from Debian's packages that some tests start themselves (redis-server, nginx).</summary>
public static class ExternalTools
{
    /// <summary>The executable's full path, searched on PATH and in /usr/sbin, or null when it is not installed.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/usr/bin")
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A test that needs a real redis-server: reported as skipped, with the reason, when it is not
/// installed (plain `dotnet test` on a laptop). CI installs it (.ci/run), so there it always runs.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null)
        {
            Skip = "redis-server is not installed (apt-get install redis-server; .ci/run does this).";
        }
    }
}

/// <summary>
/// The two-instance test needs PostgreSQL, redis-server and nginx: reported as skipped, naming what
/// is missing, on a machine without them; CI installs all three (.ci/run).
/// </summary>
public sealed class MultiInstanceFactAttribute : FactAttribute
{
    public MultiInstanceFactAttribute()
    {
        var missing = new[]
        {
            RedisServer.Executable is null ? "redis-server is not installed (apt-get install redis-server)" : null,
            NginxBalancer.Executable is null ? "nginx is not installed (apt-get install nginx)" : null,
            PostgresServer.Unavailable,
        }.OfType<string>().ToList();
        if (missing.Count > 0)
        {
            Skip = string.Join("; ", missing) + "; .ci/run installs them.";
        }
    }
}
