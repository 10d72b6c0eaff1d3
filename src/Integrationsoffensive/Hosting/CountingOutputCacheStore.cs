using System.Buffers;
using Microsoft.AspNetCore.OutputCaching;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// The site's output cache store (in memory or Redis), counting what it stores and evicts for
/// <see cref="SingleRender"/>. The request that stores is the one whose render it is: the store
/// learns it from the request's context. An answer whose render began before an eviction is evicted
/// again by its tags right after it was stored (checked after, so an eviction while it is being
/// stored is caught too); the next request renders the page anew.
/// </summary>
public class CountingOutputCacheStore(IOutputCacheStore inner, SingleRender renders, IHttpContextAccessor requests, HotPages hot) : IOutputCacheStore, IDisposable
{
    public static IOutputCacheStore Around(IOutputCacheStore inner, IServiceProvider provider)
    {
        var renders = provider.GetRequiredService<SingleRender>();
        var requests = provider.GetRequiredService<IHttpContextAccessor>();
        var hot = provider.GetRequiredService<HotPages>();
        return inner is IOutputCacheBufferStore buffered
            ? new Buffered(buffered, renders, requests, hot)
            : new CountingOutputCacheStore(inner, renders, requests, hot);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await renders.EvictingAsync();
        await EvictAsync(tag, cancellationToken);
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
            await EvictAsync(tags.Span[i], CancellationToken.None); // not given up when the reader leaves
        }
    }

    // The kept pages are dropped after the entries are gone: a page taken from the cache before that
    // moment may be the one being evicted.
    private async ValueTask EvictAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        finally
        {
            hot.Evicted();
        }
    }

    /// <summary>The same for a store that reads and writes buffers (Redis), so the output cache keeps using them.</summary>
    private sealed class Buffered : CountingOutputCacheStore, IOutputCacheBufferStore
    {
        private readonly IOutputCacheBufferStore _inner;

        public Buffered(IOutputCacheBufferStore inner, SingleRender renders, IHttpContextAccessor requests, HotPages hot)
            : base(inner, renders, requests, hot) => _inner = inner;

        public ValueTask<bool> TryGetAsync(string key, System.IO.Pipelines.PipeWriter destination, CancellationToken cancellationToken) =>
            _inner.TryGetAsync(key, destination, cancellationToken);

        public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            await _inner.SetAsync(key, value, tags, validFor, cancellationToken);
            await StoredAsync(tags, cancellationToken);
        }
    }
}
