using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using RedisRateLimiting;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// One client's form limit when several instances run: counted in Redis (RedisRateLimiting's fixed
/// window, one atomic script per request), so N requests across all instances reach the limit, not
/// N per instance. When Redis fails or is known to be down, the instance's own in-memory window
/// decides instead: the limit then holds per instance, and nobody sees an error.
/// </summary>
public sealed class SharedFormLimiter : RateLimiter
{
    private const string Component = "Formular-Limits";
    private static readonly RateLimitLease Undecided = new Decision(false, null);
    private readonly RedisConnection _redis;
    private readonly Lazy<RateLimiter> _shared;
    private readonly FixedWindowRateLimiter _local;

    public SharedFormLimiter(RedisConnection redis, string policy, string clientKey, int permitLimit, TimeSpan window)
    {
        _redis = redis;
        _local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 });
        // Made on first use, when Redis is available: the library asks for the multiplexer at once.
        _shared = new(() => new RedisFixedWindowRateLimiter<string>(
            RedisKey(redis.Options.InstanceName, policy, clientKey),
            new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis.Multiplexer,
                PermitLimit = permitLimit,
                Window = window,
            }));
    }

    /// <summary>Kept while the local window still counts, like the framework's own partitions.</summary>
    public override TimeSpan? IdleDuration => _local.IdleDuration;

    /// <summary>
    /// The client's address never reaches Redis: only a hash of it, under a key that expires with the
    /// window.
    /// </summary>
    public static string RedisKey(string instanceName, string policy, string clientKey) =>
        $"{instanceName}{policy}:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(clientKey)))[..32];

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    // The middleware tries the synchronous way first and waits on AcquireAsync when it fails; Redis
    // is only asked asynchronously.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        _redis.IsAvailable ? Undecided : _local.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (_redis.IsAvailable)
        {
            try
            {
                using var lease = await _shared.Value.AcquireAsync(permitCount, cancellationToken);
                _redis.ReportSuccess();
                return new Decision(lease.IsAcquired, RetryAfter(lease));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _redis.ReportFailure(Component, exception);
            }
        }

        return await _local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_shared.IsValueCreated)
            {
                _shared.Value.Dispose();
            }

            _local.Dispose();
        }

        base.Dispose(disposing);
    }

    // The library names Retry-After its own way and gives whole seconds (an int); the framework's
    // name, which the 429 answer reads, expects a TimeSpan.
    private static TimeSpan? RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(RateLimitMetadataName.RetryAfter.Name, out var value) && value is not null
            ? value switch
            {
                TimeSpan span => span,
                IConvertible seconds => TimeSpan.FromSeconds(seconds.ToDouble(null)),
                _ => null,
            }
            : null;

    private sealed class Decision(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
