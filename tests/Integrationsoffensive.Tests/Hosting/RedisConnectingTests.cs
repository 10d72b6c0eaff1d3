using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// While the site is still connecting to Redis, readers and applicants do not wait for it: a Redis
/// that accepts the connection but never answers (a hung server, a black-holed port) must not hold
/// up the first pages, the forms or the readiness check, and must not tie up a thread per request.
/// </summary>
public sealed class RedisConnectingTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] FirstPages = ["/", "/unterzeichnende", "/mitzeichnen/neuer-link", "/healthz/ready"];
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<TcpClient> _accepted = new();
    private readonly CancellationTokenSource _stop = new();
    private SiteFactory _site = null!;

    public Task InitializeAsync()
    {
        _silent.Start();
        _ = AcceptSilentlyAsync();
        var port = ((IPEndPoint)_silent.LocalEndpoint).Port;
        // The connection attempt takes the whole timeout (20 s here); nobody should notice it. The
        // bounds below leave a busy test run room for the first renders.
        _site = new SiteFactory()
            .WithSetting("Redis:Configuration", $"127.0.0.1:{port}")
            .WithSetting("Redis:TimeoutMilliseconds", "20000")
            .WithSetting("RateLimiting:Enabled", "true");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _site.Dispose();
        await _stop.CancelAsync();
        _silent.Stop();
        foreach (var client in _accepted)
        {
            client.Dispose();
        }
    }

    public void Dispose()
    {
        _silent.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptSilentlyAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                _accepted.Enqueue(await _silent.AcceptTcpClientAsync(_stop.Token));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    [Fact]
    public async Task ARedisThatNeverAnswers_DoesNotHoldUpTheFirstRequests()
    {
        var client = _site.CreatePlainClient();
        var clock = Stopwatch.StartNew();

        var answers = await Task.WhenAll(
            FirstPages.Select(client.GetAsync));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"the first requests took {clock.Elapsed.TotalSeconds:0.0} s");
        await Eventually.UntilAsync(() => Task.FromResult(!_accepted.IsEmpty), "the site to try the silent Redis");

        var (_, form) = await client.GetPageAsync("/mitzeichnen/neuer-link");
        clock.Restart();
        var posted = await client.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = "a@beispiel.de" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"the form took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
