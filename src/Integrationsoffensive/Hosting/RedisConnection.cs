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
/// that knows whether Redis is usable right now. A failure makes every user of Redis go on without
/// it (cache misses, limits per instance) for <see cref="RedisOptions.RetrySeconds"/>; the warning
/// is logged once per outage and then at most once a minute, never with keys or values.
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger) : IDisposable
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() => Connect(options.Value));
    private readonly Lock _connecting = new();
    private bool _watching;
    private long _retryAt;
    private long _lastWarningAt = long.MinValue / 2; // long ago, without overflowing the subtraction below
    private int _suppressed;
    private int _failing;

    public RedisOptions Options => options.Value;

    public bool IsConfigured => options.Value.IsConfigured;

    public IConnectionMultiplexer Multiplexer
    {
        get
        {
            var multiplexer = _multiplexer.Value;
            if (!Volatile.Read(ref _watching))
            {
                Watch(multiplexer);
            }

            return multiplexer;
        }
    }

    /// <summary>Configured, connected, and not within the pause after a failure.</summary>
    public bool IsAvailable =>
        IsConfigured && Environment.TickCount64 >= Volatile.Read(ref _retryAt) && Multiplexer.IsConnected;

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

    // Once: outages and recoveries the multiplexer notices by itself are logged like failed commands.
    private void Watch(ConnectionMultiplexer multiplexer)
    {
        lock (_connecting)
        {
            if (_watching)
            {
                return;
            }

            multiplexer.ConnectionFailed += (_, e) => ReportFailure("Verbindung", e.FailureType.ToString());
            multiplexer.ConnectionRestored += (_, _) => ReportSuccess();
            if (!multiplexer.IsConnected)
            {
                ReportFailure("Verbindung", "UnableToConnect");
            }

            Volatile.Write(ref _watching, true);
        }
    }

    /// <summary>Fails fast rather than queueing commands while disconnected; reconnects in the background.</summary>
    private static ConnectionMultiplexer Connect(RedisOptions settings)
    {
        var configuration = ConfigurationOptions.Parse(settings.Configuration!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        // The first connection may take longer (a busy start); while Redis is down, only the very
        // first request waits for it, later ones see IsConnected false at once.
        configuration.ConnectTimeout = Math.Max(settings.TimeoutMilliseconds, 5000);
        configuration.SyncTimeout = settings.TimeoutMilliseconds;
        configuration.AsyncTimeout = settings.TimeoutMilliseconds;
        configuration.ConnectRetry = 1;
        configuration.ClientName ??= "integrationsoffensive";
        return ConnectionMultiplexer.Connect(configuration);
    }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
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

        try
        {
            await redis.Multiplexer.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis ist nicht erreichbar: Seiten kommen ungecacht, Limits gelten je Instanz.");
        }
    }
}
