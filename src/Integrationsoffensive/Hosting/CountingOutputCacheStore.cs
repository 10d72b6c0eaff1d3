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
            await inner.EvictByTagAsync(tags.Span[i], CancellationToken.None); // not given up when the reader leaves
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
