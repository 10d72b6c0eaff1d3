using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Integrationsoffensive.Hosting;

public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. „redis:6379,password=…“. Empty: no Redis, everything in memory.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key, so that several sites can share one Redis.</summary>
    public string InstanceName { get; set; } = "integrationsoffensive:";

    /// <summary>How long a command or the connection may take before the site goes on without Redis.</summary>
    public int TimeoutMilliseconds { get; set; } = 1000;

    /// <summary>After a failure, how long the site leaves Redis alone before it tries again.</summary>
    public int RetrySeconds { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}

/// <summary>
/// The one connection to Redis that the output cache and the rate limits share, and the one place
/// that knows whether Redis is usable right now. Connecting never holds up a request: it runs in the
/// background from the site's start, and until it has succeeded the site goes on without Redis, as it
/// does after a failure (cache misses, limits per instance) for <see cref="RedisOptions.RetrySeconds"/>.
/// The warning is logged once per outage and then at most once a minute, never with keys or values.
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);
    private Task<ConnectionMultiplexer>? _connecting;
    private bool _disposed;
    private long _retryAt;
    private long _lastWarningAt = long.MinValue / 2; // long ago, without overflowing the subtraction below
    private int _suppressed;
    private int _failing;

    public RedisOptions Options => options.Value;

    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>The connected multiplexer; only for callers that found <see cref="IsAvailable"/> true.</summary>
    public IConnectionMultiplexer Multiplexer => ConnectAsync() is { IsCompletedSuccessfully: true } connected
        ? connected.Result
        : throw new InvalidOperationException("Redis is not connected yet; ask IsAvailable first.");

    /// <summary>Configured, connected, and not within the pause after a failure. Never waits.</summary>
    public bool IsAvailable =>
        IsConfigured && ConnectAsync() is { IsCompletedSuccessfully: true } connected
        && Environment.TickCount64 >= Volatile.Read(ref _retryAt) && connected.Result.IsConnected;

    /// <summary>At the site's start: begins connecting, without waiting for it.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsConfigured)
        {
            _ = ConnectAsync();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Starts connecting if nobody has yet (or the last attempt failed and its pause is over).</summary>
    public Task<ConnectionMultiplexer> ConnectAsync()
    {
        var current = Volatile.Read(ref _connecting);
        if (current is not null && !(current.IsFaulted && Environment.TickCount64 >= Volatile.Read(ref _retryAt)))
        {
            return current;
        }

        var attempt = new TaskCompletionSource<ConnectionMultiplexer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var won = Interlocked.CompareExchange(ref _connecting, attempt.Task, current);
        if (won != current)
        {
            return won!;
        }

        _ = ConnectInBackgroundAsync(attempt);
        return attempt.Task;
    }

    private async Task ConnectInBackgroundAsync(TaskCompletionSource<ConnectionMultiplexer> attempt)
    {
        try
        {
            // Not on the caller's thread: even the synchronous start of a connect stays out of the request.
            await Task.Yield();
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(Configure(options.Value));
            multiplexer.ConnectionFailed += (_, e) => ReportFailure("Verbindung", e.FailureType.ToString());
            multiplexer.ConnectionRestored += (_, _) => ReportSuccess();
            if (!multiplexer.IsConnected)
            {
                ReportFailure("Verbindung", "UnableToConnect");
            }

            attempt.SetResult(multiplexer);
            if (Volatile.Read(ref _disposed))
            {
                multiplexer.Dispose(); // the site stopped while it connected (twice is harmless)
            }
        }
        catch (Exception exception)
        {
            ReportFailure("Verbindung", exception);
            attempt.SetException(exception);
        }
    }

    public void ReportFailure(string component, Exception exception) =>
        ReportFailure(component, exception is RedisConnectionException connection ? connection.FailureType.ToString() : exception.GetType().Name);

    private void ReportFailure(string component, string reason)
    {
        Volatile.Write(ref _retryAt, Environment.TickCount64 + options.Value.RetrySeconds * 1000L);
        Interlocked.Exchange(ref _failing, 1);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarningAt);
        if (now - last < LogInterval.TotalMilliseconds || Interlocked.CompareExchange(ref _lastWarningAt, now, last) != last)
        {
            Interlocked.Increment(ref _suppressed);
            return;
        }

        logger.LogWarning(
            "Redis ist nicht erreichbar ({Component}): Seiten kommen ungecacht, Limits gelten je Instanz. Redis unavailable: {Reason}; {Suppressed} further failures not logged",
            component, reason, Interlocked.Exchange(ref _suppressed, 0));
    }

    /// <summary>Called after a successful command; true once after an outage (the caller may repair what it missed).</summary>
    public bool ReportSuccess()
    {
        if (Volatile.Read(ref _failing) == 0 || Interlocked.Exchange(ref _failing, 0) == 0)
        {
            return false;
        }

        logger.LogInformation("Redis ist wieder erreichbar. Redis available again");
        return true;
    }

    /// <summary>Fails fast rather than queueing commands while disconnected; reconnects in the background.</summary>
    private static ConfigurationOptions Configure(RedisOptions settings)
    {
        var configuration = ConfigurationOptions.Parse(settings.Configuration!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        // The first connection may take longer (a busy start); nobody waits for it.
        configuration.ConnectTimeout = Math.Max(settings.TimeoutMilliseconds, 5000);
        configuration.SyncTimeout = settings.TimeoutMilliseconds;
        configuration.AsyncTimeout = settings.TimeoutMilliseconds;
        configuration.ConnectRetry = 1;
        configuration.ClientName ??= "integrationsoffensive";
        return configuration;
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        if (Volatile.Read(ref _connecting) is { IsCompletedSuccessfully: true } connected)
        {
            connected.Result.Dispose();
        }
    }
}

/// <summary>/healthz/ready: Degraded (still 200) while a configured Redis is unreachable; the site works on without it.</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConfigured)
        {
            return HealthCheckResult.Healthy("Redis ist nicht eingerichtet.");
        }

        var connecting = redis.ConnectAsync();
        if (!connecting.IsCompletedSuccessfully)
        {
            return HealthCheckResult.Degraded("Redis ist noch nicht verbunden: Seiten kommen ungecacht, Limits gelten je Instanz.");
        }

        try
        {
            await connecting.Result.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis ist nicht erreichbar: Seiten kommen ungecacht, Limits gelten je Instanz.");
        }
    }
}
