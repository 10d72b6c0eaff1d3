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
/// <para>
/// What remains: two instances may each render a page once; a request that shares a lookup begun
/// before a store may still render once more (a thread-pool delay wide); between a stale answer's
/// store and its eviction (one Redis round trip) a reader may get it; the requests that waited for a
/// render that spanned an approval get that render once. None of these keeps anything stale.
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
            || context.Features.Get<IOutputCacheFeature>() is not { Context: { EnableOutputCaching: true, AllowCacheLookup: true } } cache)
        {
            return false; // nothing stored since, or a request the cache does not look up (a search): render
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
        // The cache's key ignores the path's case; so does the slot.
        var hash = HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(request.Path.Value ?? ""), request.Headers.AcceptEncoding.ToString(), query);
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
