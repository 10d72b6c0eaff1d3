namespace Integrationsoffensive.Hosting;

/// <summary>
/// How many times the public cache was evicted. On one instance a counter in memory; with several
/// instances on one Redis a counter in Redis (<see cref="RedisEvictionCount"/>), so that a render on
/// one instance learns of an approval on another.
/// </summary>
public interface IEvictionCount
{
    ValueTask<long> ReadAsync();

    ValueTask IncrementAsync();
}

public sealed class LocalEvictionCount : IEvictionCount
{
    private long _count;

    public ValueTask<long> ReadAsync() => ValueTask.FromResult(Interlocked.Read(ref _count));

    public ValueTask IncrementAsync()
    {
        Interlocked.Increment(ref _count);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The count in Redis, beside the cached pages. When Redis cannot be asked, the count reads as
/// unknown (a value no counter has), so an answer rendered meanwhile is evicted again rather than
/// kept; while Redis is away nothing is cached anyway (<see cref="FailSafeOutputCacheStore"/>).
/// </summary>
public sealed class RedisEvictionCount(RedisConnection redis) : IEvictionCount
{
    private readonly StackExchange.Redis.RedisKey _key = redis.Options.InstanceName + "output-cache-evictions";
    private long _unknown = long.MinValue;

    public async ValueTask<long> ReadAsync()
    {
        if (redis.IsAvailable)
        {
            try
            {
                return (long?)await redis.Multiplexer.GetDatabase().StringGetAsync(_key) ?? 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                redis.ReportFailure(FailSafeOutputCacheStore.Component, exception);
            }
        }

        return Interlocked.Increment(ref _unknown); // never equal to another read
    }

    public async ValueTask IncrementAsync()
    {
        if (!redis.IsAvailable)
        {
            return; // the eviction itself is owed and repeated when Redis answers (FailSafeOutputCacheStore)
        }

        try
        {
            await redis.Multiplexer.GetDatabase().StringIncrementAsync(_key);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            redis.ReportFailure(FailSafeOutputCacheStore.Component, exception);
        }
    }
}
