using System.Buffers;
using Microsoft.AspNetCore.OutputCaching;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// One render per cached answer. ASP.NET Core's output cache looks a request up first and only
/// then joins the render in flight for the same answer; a request whose lookup missed while another
/// request rendered, and whose thread came back only after that render was stored and done, rendered
/// the page a second time (two renders among 32 cold requests in CI, on a busy machine).
/// <para>
/// Every stored answer is counted, per page and encoding, in a fixed number of slots. A public
/// request notes its page's count when it arrives, before the lookup; if the count has moved when it
/// is about to render, an answer was stored after its lookup had begun, and it looks the cache up
/// once more instead of rendering. Two pages sharing a slot only cost such a second lookup. A
/// request that finds nothing the second time (evicted meanwhile) renders as before.
/// </para>
/// <para>
/// Evictions are counted too: a render notes the count when it begins, and an answer whose render
/// began before an eviction (an approval while it ran) is evicted again right after it was stored,
/// so the page from before the approval is not kept for the next ten minutes.
/// </para>
/// </summary>
public sealed class SingleRender(IEvictionCount evictions)
{
    private const int Slots = 1024; // a power of two
    private readonly long[] _stored = new long[Slots];

    /// <summary>Notes the count of the request's page before the cache is asked (the public branch, before the output cache).</summary>
    internal Arrival Arrive(HttpContext context)
    {
        var slot = Slot(context);
        var arrival = new Arrival(slot, Volatile.Read(ref _stored[slot]));
        context.Features.Set(arrival);
        return arrival;
    }

    /// <summary>
    /// Right before a render (after the output cache, which called it only on a miss): true when an
    /// answer for this page was stored since the request arrived. The output cache is told not to
    /// store this request's empty answer; the request then asks the cache again (<see cref="Arrival.LookAgain"/>).
    /// </summary>
    internal bool LeavesRender(HttpContext context)
    {
        if (context.Features.Get<Arrival>() is not { } arrival)
        {
            return false;
        }

        if (arrival.LookedAgain
            || Volatile.Read(ref _stored[arrival.Slot]) == arrival.Count
            || context.Features.Get<IOutputCacheFeature>() is not { } cache)
        {
            return false;
        }

        cache.Context.AllowCacheStorage = false;
        arrival.LookAgain = true;
        return true;
    }

    /// <summary>
    /// The render begins (after <see cref="LeavesRender"/>, before any data is read): the evictions so
    /// far are noted, for an answer the cache may store (not for a search, which it never keeps).
    /// </summary>
    internal async Task RenderBeginsAsync(HttpContext context)
    {
        if (context.Features.Get<Arrival>() is { } arrival
            && context.Features.Get<IOutputCacheFeature>() is { Context: { EnableOutputCaching: true, AllowCacheStorage: true } })
        {
            arrival.EvictionsAtRender = await evictions.ReadAsync();
        }
    }

    /// <summary>Called by the store before it evicts.</summary>
    internal ValueTask EvictingAsync() => evictions.IncrementAsync();

    /// <summary>
    /// Called by the store right after an answer was stored: true when an eviction came after the
    /// answer's render began, so the answer may show the data from before the change that evicted.
    /// </summary>
    internal async ValueTask<bool> EvictedSinceRenderAsync(HttpContext? context) =>
        context?.Features.Get<Arrival>() is { } arrival && await evictions.ReadAsync() != arrival.EvictionsAtRender;

    /// <summary>Called by the store after an answer was stored, in the flow of the request that rendered it.</summary>
    internal void Stored(HttpContext? context)
    {
        if (context?.Features.Get<Arrival>() is { } arrival)
        {
            Interlocked.Increment(ref _stored[arrival.Slot]);
        }
    }

    // The page and its encoding (normalized before), and the query only where the cache keeps one
    // answer per query (the list); other pages ignore it, and so does their slot.
    private static int Slot(HttpContext context)
    {
        var request = context.Request;
        var query = context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == PublicCache.ListPolicy
            ? request.QueryString.Value
            : null;
        var hash = HashCode.Combine(request.Path.Value, request.Headers.AcceptEncoding.ToString(), query);
        return hash & (Slots - 1);
    }

    /// <summary>The request's page and its count when the request arrived.</summary>
    internal sealed class Arrival(int slot, long count)
    {
        public int Slot { get; } = slot;

        public long Count { get; } = count;

        /// <summary>Set when the request left its render to ask the cache once more.</summary>
        public bool LookAgain { get; set; }

        /// <summary>Set for the second pass: it renders whatever it finds.</summary>
        public bool LookedAgain { get; set; }

        /// <summary>The evictions counted when the request's render began.</summary>
        public long EvictionsAtRender { get; set; }
    }
}

/// <summary>
/// The site's output cache store (in memory or Redis), counting what it stores and evicts for
/// <see cref="SingleRender"/>. The request that stores is the one whose render it is: the store
/// learns it from the request's context. An answer whose render began before an eviction is evicted
/// again by its tags right after it was stored (checked after, so an eviction while it is being
/// stored is caught too); the next request renders the page anew.
/// </summary>
public class CountingOutputCacheStore(IOutputCacheStore inner, SingleRender renders, IHttpContextAccessor requests) : IOutputCacheStore, IDisposable
{
    public static IOutputCacheStore Around(IOutputCacheStore inner, IServiceProvider provider)
    {
        var renders = provider.GetRequiredService<SingleRender>();
        var requests = provider.GetRequiredService<IHttpContextAccessor>();
        return inner is IOutputCacheBufferStore buffered
            ? new Buffered(buffered, renders, requests)
            : new CountingOutputCacheStore(inner, renders, requests);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await renders.EvictingAsync();
        await inner.EvictByTagAsync(tag, cancellationToken);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        await StoredAsync(tags ?? [], cancellationToken);
    }

    public void Dispose()
    {
        (inner as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async ValueTask StoredAsync(ReadOnlyMemory<string> tags, CancellationToken cancellationToken)
    {
        var context = requests.HttpContext;
        if (!await renders.EvictedSinceRenderAsync(context))
        {
            renders.Stored(context);
            return;
        }

        for (var i = 0; i < tags.Length; i++)
        {
            await inner.EvictByTagAsync(tags.Span[i], cancellationToken);
        }
    }

    /// <summary>The same for a store that reads and writes buffers (Redis), so the output cache keeps using them.</summary>
    private sealed class Buffered : CountingOutputCacheStore, IOutputCacheBufferStore
    {
        private readonly IOutputCacheBufferStore _inner;

        public Buffered(IOutputCacheBufferStore inner, SingleRender renders, IHttpContextAccessor requests)
            : base(inner, renders, requests) => _inner = inner;

        public ValueTask<bool> TryGetAsync(string key, System.IO.Pipelines.PipeWriter destination, CancellationToken cancellationToken) =>
            _inner.TryGetAsync(key, destination, cancellationToken);

        public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            await _inner.SetAsync(key, value, tags, validFor, cancellationToken);
            await StoredAsync(tags, cancellationToken);
        }
    }
}

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
    private const string Component = "Ausgabe-Cache";
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
                redis.ReportFailure(Component, exception);
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
            redis.ReportFailure(Component, exception);
        }
    }
}
