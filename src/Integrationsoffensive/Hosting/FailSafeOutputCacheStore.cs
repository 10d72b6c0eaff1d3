using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// The Redis output cache, made harmless when Redis is not there: a failed read is a miss, a failed
/// write is skipped, so the page is rendered and sent as if nothing were cached, never a 500. While
/// Redis is known to be down (<see cref="RedisConnection.IsAvailable"/>) it is not even asked, so
/// pages do not wait for timeouts. An eviction that failed is repeated as soon as Redis answers
/// again: the approval it belonged to must not stay hidden behind a page cached before it. Such a
/// repeated eviction is counted first (<see cref="IEvictionCount"/>; the count could not be raised
/// while Redis was away), so a render on another instance that began before it is not kept either.
/// </summary>
public sealed class FailSafeOutputCacheStore(IOutputCacheStore inner, RedisConnection redis, IEvictionCount evictions) : IOutputCacheBufferStore, IDisposable
{
    internal const string Component = "Ausgabe-Cache";
    private readonly ConcurrentDictionary<string, bool> _missedEvictions = new();

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync())
        {
            _missedEvictions[tag] = true;
            return;
        }

        try
        {
            await EvictConfirmedAsync(tag, cancellationToken);
            Succeeded();
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            _missedEvictions[tag] = true;
            redis.ReportFailure(Component, exception);
        }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync())
        {
            return null;
        }

        try
        {
            var value = await inner.GetAsync(key, cancellationToken);
            Succeeded();
            return value;
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            redis.ReportFailure(Component, exception);
            return null;
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (inner is not IOutputCacheBufferStore buffered)
        {
            var value = await GetAsync(key, cancellationToken);
            if (value is null)
            {
                return false;
            }

            await destination.WriteAsync(value, cancellationToken);
            return true;
        }

        if (!await ReadyAsync())
        {
            return false;
        }

        try
        {
            var found = await buffered.TryGetAsync(key, destination, cancellationToken);
            Succeeded();
            return found;
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            redis.ReportFailure(Component, exception);
            return false;
        }
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        SetAsync(key, new ReadOnlySequence<byte>(value), tags.AsMemory(), validFor, cancellationToken);

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync())
        {
            return;
        }

        try
        {
            if (inner is IOutputCacheBufferStore buffered)
            {
                await buffered.SetAsync(key, value, tags, validFor, cancellationToken);
            }
            else
            {
                await inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            }

            Succeeded();
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            redis.ReportFailure(Component, exception);
        }
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    // Before each use: is Redis there, and is an eviction from the outage still owed?
    private async ValueTask<bool> ReadyAsync()
    {
        if (!redis.IsAvailable)
        {
            return false;
        }

        foreach (var tag in _missedEvictions.Keys)
        {
            try
            {
                await evictions.IncrementAsync();
                await EvictConfirmedAsync(tag, CancellationToken.None);
                _missedEvictions.TryRemove(tag, out _);
            }
            catch (Exception exception) when (IsRedisFailure(exception))
            {
                redis.ReportFailure(Component, exception);
                return false;
            }
        }

        return true;
    }

    // The Redis store deletes a tag's entries fire-and-forget and returns before Redis has run the
    // deletes: a reader on another instance (another connection) could still be given the page the
    // approval evicted. Redis runs one connection's commands in order, so once a PING sent after the
    // deletes on the same connection is answered, they are done. That holds for one Redis server
    // (the multiplexer's one interactive connection to the primary), the set-up the site supports
    // (docs/betrieb-mehrere-instanzen.md); in a cluster the deletes would go to other nodes than the
    // PING. (A store needs no such wait: its render reads the eviction count right after storing, a
    // round trip on the same connection.)
    private async ValueTask EvictConfirmedAsync(string tag, CancellationToken cancellationToken)
    {
        await inner.EvictByTagAsync(tag, cancellationToken);
        await redis.Multiplexer.GetDatabase().PingAsync();
    }

    private void Succeeded() => redis.ReportSuccess();

    // A request's own cancellation is not Redis's fault; everything else from the store is.
    private static bool IsRedisFailure(Exception exception) => exception is not OperationCanceledException;
}
