using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// A test's store around the site's own (see <see cref="WrappedStoreSite{TStore}"/>): forwards
/// everything, reading and writing buffers where the site's store does (Redis), as the output cache
/// would, and lets a test hold a lookup after it answered or a store before it is made.
/// </summary>
public abstract class TimedOutputCacheStore(IOutputCacheStore inner) : IOutputCacheBufferStore, IDisposable
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = await inner.GetAsync(key, cancellationToken);
        await AfterLookupAsync(value is not null, cancellationToken);
        return value;
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (inner is not IOutputCacheBufferStore buffered)
        {
            var value = await GetAsync(key, cancellationToken);
            if (value is not null)
            {
                await destination.WriteAsync(value, cancellationToken);
            }

            return value is not null;
        }

        var found = await buffered.TryGetAsync(key, destination, cancellationToken);
        await AfterLookupAsync(found, cancellationToken);
        return found;
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var held = await BeforeStoreAsync(cancellationToken);
        await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        AfterStore(held);
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var held = await BeforeStoreAsync(cancellationToken);
        if (inner is IOutputCacheBufferStore buffered)
        {
            await buffered.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        else
        {
            await inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
        }

        AfterStore(held);
    }

    public void Dispose()
    {
        (inner as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>After a lookup answered (found or not), before the output cache gets the answer.</summary>
    protected virtual ValueTask AfterLookupAsync(bool found, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Before an answer is stored; true when this store was held.</summary>
    protected virtual ValueTask<bool> BeforeStoreAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

    /// <summary>After an answer was stored.</summary>
    protected virtual void AfterStore(bool held)
    {
    }
}
