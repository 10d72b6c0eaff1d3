using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Integrationsoffensive.Tests.Infrastructure;
using MimeKit;

namespace Integrationsoffensive.BrowserTests.Infrastructure;

/// <summary>
/// The site as a real process on Kestrel, on a free loopback port, with its own temporary data
/// directory and its own copy of content/. Mails land as .eml files in its pickup folder.
/// </summary>
public sealed class SiteServer : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private Process? _process;

    public string Root { get; } = Directory.CreateTempSubdirectory("integrationsoffensive-browser-").FullName;

    public string DataPath => Path.Combine(Root, "data");

    public string ContentPath => Path.Combine(Root, "content");

    public int Port { get; } = FreePort();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static string RepositoryRoot => RepositoryPaths.Root;

    public async Task InitializeAsync()
    {
        RepositoryPaths.CopyDirectory(RepositoryPaths.TestContent, ContentPath); // never the editors' wording
        _process = Start([]);

        // Read the server's output as it comes: an unread pipe fills up and the site stalls on logging.
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                _output.Enqueue(line.Data);
                while (_output.Count > 200 && _output.TryDequeue(out string? _))
                {
                }
            }
        };
        _process.BeginOutputReadLine();
        using var http = new HttpClient();
        await Eventually.WaitForAsync(async () =>
        {
            try
            {
                return (await http.GetAsync(BaseUrl + "/healthz/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        }, ready => ready, _ => "the site did not start:\n" + string.Join("\n", _output), TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans temp folders
        }
    }

    /// <summary>Runs a command of the site's executable (e.g. "moderator add …") against this site's data.</summary>
    public Task<string> RunCommandAsync(params string[] args) => RunCommandAsync("Testing", args);

    /// <summary>The same, in another environment (seed-demo runs only in Development).</summary>
    public async Task<string> RunCommandAsync(string environment, params string[] args)
    {
        using var process = Start(args, environment);
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"'{string.Join(' ', args)}' failed: {output}");
        return output;
    }

    /// <summary>Waits until the pickup folder holds <paramref name="count"/> such mails, and returns the newest.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string subject, string to, int count = 1)
    {
        var folder = Path.Combine(DataPath, "mail");
        return (await Eventually.WaitForAsync(
            () => Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.eml").OrderDescending().Select(path => MimeMessage.Load(path))
                    .Where(m => m.Subject == subject && m.To.Mailboxes.Any(b => b.Address == to)).ToList()
                : [],
            mails => mails.Count >= count,
            mails => $"{mails.Count} of {count} mails „{subject}“ to {to}",
            TimeSpan.FromSeconds(15)))[0];
    }

    /// <summary>The site-relative link in a mail that starts with the given path.</summary>
    public string LinkIn(MimeMessage mail, string pathStart)
    {
        var text = mail.TextBody ?? "";
        var start = text.IndexOf(BaseUrl + pathStart, StringComparison.Ordinal);
        Assert.True(start >= 0, "no link in mail: " + text);
        var end = text.IndexOfAny([' ', '\n', '\r'], start);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private Process Start(string[] args, string environment = "Testing")
    {
        var info = AppProcess.StartInfo(args, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["ASPNETCORE_URLS"] = BaseUrl,
            ["DataDirectory"] = DataPath,
            ["Content__Path"] = ContentPath,
            ["Site__PublicBaseUrl"] = BaseUrl,
            ["RateLimiting__Enabled"] = "false",
            ["Signing__MinimumFillSeconds"] = "0",
            ["Email__PollIntervalSeconds"] = "0.2",
            ["Email__ModeratorAddresses__0"] = "moderation@aufruf.example",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        });
        info.RedirectStandardError = false; // only standard output is read, line by line
        return Process.Start(info)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
