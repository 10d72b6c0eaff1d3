using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Integrationsoffensive.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// A throw-away redis-server (Debian's package) on a free loopback port, in a temporary directory,
/// persisting nothing. Never the system service or port 6379. Dispose stops it and deletes the directory.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public static string? Executable { get; } = ExternalTools.Find("redis-server");

    public int Port { get; }

    public string Directory { get; }

    /// <summary>What the site's <c>Redis:Configuration</c> takes.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public bool IsRunning => !_process.HasExited;

    public static async Task<RedisServer> StartAsync()
    {
        var port = ExternalTools.FreePort();
        var directory = System.IO.Directory.CreateTempSubdirectory("integrationsoffensive-redis-").FullName;
        var info = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("redis-server is not installed."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no", "--daemonize", "no", "--logfile", "" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port, directory);
        await Eventually.UntilAsync(server.PingAsync, "redis-server to answer PING on port " + port);
        return server;
    }

    /// <summary>
    /// Until the site has connected to Redis and uses it: the site connects in the background from its
    /// start, and goes on without Redis until then.
    /// </summary>
    public static async Task ConnectedAsync(SiteFactory site)
    {
        var redis = site.Services.GetRequiredService<RedisConnection>();
        await redis.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.UntilAsync(() => Task.FromResult(redis.IsAvailable), "the site to use Redis");
    }

    /// <summary>Kills the server at once, as a crash would (no shutdown, no goodbye to clients).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
    }

    /// <summary>Sends one command in the inline protocol and returns the first line of the answer.</summary>
    public async Task<string> CommandAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"));
        var buffer = new byte[64 * 1024];
        var read = await stream.ReadAsync(buffer);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        await Task.Yield();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            return (await CommandAsync("PING")).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
