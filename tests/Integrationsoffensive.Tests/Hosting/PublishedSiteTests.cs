using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Integrationsoffensive.Hosting;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// The published site, started as a container or an operator would start it: from another working
/// directory, in Production. It must find its own files; a file missing from the web root is a 404
/// and an error at start, never an empty answer.
/// </summary>
public sealed class PublishedSiteTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("integrationsoffensive-published-").FullName;
    private readonly List<string> _output = [];
    private Process? _process;
    private string _baseUrl = "";

    private string PublishPath => Path.Combine(_root, "app");

    public async Task InitializeAsync()
    {
        // The build `dotnet test` made, published without building again (quick: a copy).
        var configuration = AppProcess.AppPath().Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var (exitCode, output) = await RunAsync("dotnet", ["publish", AppProcess.ProjectDirectory, "-c", configuration, "--no-build", "-o", PublishPath]);
        Assert.True(exitCode == 0, output);
        File.Delete(Path.Combine(PublishPath, "wwwroot", "favicon.svg")); // one announced asset gone

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _baseUrl = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _root, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(PublishPath, "Integrationsoffensive.dll"));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = _baseUrl;
        info.Environment["DataDirectory"] = Path.Combine(_root, "data");
        info.Environment["Content__Path"] = RepositoryPaths.TestContent;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, line) =>
        {
            lock (_output)
            {
                _output.Add(line.Data ?? "");
            }
        };
        _process.BeginOutputReadLine();
        using var http = new HttpClient();
        await Eventually.WaitForAsync(async () =>
        {
            try
            {
                return (await http.GetAsync(_baseUrl + "/healthz")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, up => up, _ => "the published site did not start", TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task FromAnotherDirectory_ServesItsPagesAndStyles()
    {
        using var http = new HttpClient();
        var home = await http.GetAsync(_baseUrl + "/");
        var html = await home.Content.ReadAsStringAsync();
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site[^\"]+\\.css)\"").Groups[1].Value;

        var style = await http.GetAsync(_baseUrl + css);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        Assert.True((await style.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Fact]
    public async Task AMissingAsset_IsA404_AndAnErrorAtStart()
    {
        using var http = new HttpClient();

        var icon = await http.GetAsync(_baseUrl + "/favicon.svg");

        Assert.Equal(HttpStatusCode.NotFound, icon.StatusCode);
        lock (_output)
        {
            Assert.Contains(_output, line => line.Contains("Static assets are missing", StringComparison.Ordinal) && line.Contains("favicon.svg", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ItsGen0Budget_IsCapped_WhateverTheHostsCache()
    {
        // By default the GC sizes gen0 from the processor's largest cache (81 MB on a host with
        // 300 MB of L3); the published site must run with its own cap, read back from the runtime.
        var line = await Eventually.WaitForAsync(
            () => OutputLine("Memory:"),
            found => found is not null,
            _ => "no memory line at start",
            TimeSpan.FromSeconds(10));

        Assert.Contains("gen0 budget at most 16 MB", line, StringComparison.Ordinal);
        Assert.Contains("workstation GC", line, StringComparison.Ordinal);
    }

    private string? OutputLine(string containing)
    {
        lock (_output)
        {
            return _output.FirstOrDefault(line => line.Contains(containing, StringComparison.Ordinal));
        }
    }

    private static async Task<(int, string)> RunAsync(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        args.ToList().ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
