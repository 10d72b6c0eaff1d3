using System.Diagnostics;
using System.Text;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// One instance of the built site as its own process (<see cref="AppProcess"/>) on a free loopback
/// port, with its own data directory, configured only by environment variables as an operator
/// would. Stop ends it gently (SIGTERM: requests in flight are answered); dispose kills what is left.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiteProcess(Process process, int port, string dataDirectory)
    {
        _process = process;
        Port = port;
        DataDirectory = dataDirectory;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public Uri BaseAddress => new($"http://{Address}");

    public string DataDirectory { get; }

    public string PickupPath => Path.Combine(DataDirectory, "mail");

    /// <summary>Everything the process printed (its JSON log lines), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="unprivileged">Where file permissions count, as for an ordinary user (see <see cref="AppProcess.StartInfo"/>).</param>
    public static async Task<SiteProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment, bool unprivileged = false)
    {
        Directory.CreateDirectory(dataDirectory);
        var port = ExternalTools.FreePort();
        var settings = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["DataDirectory"] = dataDirectory,
        };
        var site = new SiteProcess(Process.Start(AppProcess.StartInfo([], settings, Path.GetDirectoryName(dataDirectory), unprivileged))!, port, dataDirectory);
        using var client = new HttpClient { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.UntilAsync(
            async () =>
            {
                if (site._process.HasExited)
                {
                    throw new InvalidOperationException("The site exited at start:\n" + site.Output);
                }

                try
                {
                    return (await client.GetAsync("/healthz")).IsSuccessStatusCode;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return false; // not listening yet, or still starting (a first answer may take longer than the probe waits)
                }
            },
            $"the site on port {port} to answer /healthz",
            TimeSpan.FromSeconds(60));
        return site;
    }

    /// <summary>SIGTERM, as systemd or docker stop would: no new connections, requests in flight finish.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
