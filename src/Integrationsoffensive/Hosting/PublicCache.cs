using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// Output caching for the public pages and feeds. A cached answer is keyed by the path, the content
/// files' version and only the query parameters a page knows (the list's filters), never by the
/// Host header, so nothing a request can choose multiplies the work or the memory. It is evicted by
/// tag whenever a saved change touches a published application, so the next request after an
/// approval, edit, unpublish or withdrawal shows it. Pages with forms never use these policies;
/// signed-in requests are never cached.
/// </summary>
public static class PublicCache
{
    /// <summary>Pages and files that take no query parameters: any query string is ignored.</summary>
    public const string Policy = "Public";

    /// <summary>The list: keyed by its own parameters, which the page has made canonical (it redirects otherwise).</summary>
    public const string ListPolicy = "PublicList";

    public const string Tag = "signatories";

    public static readonly string[] ListParameters = ["art", "region", "suche", "sortierung", "seite"];

    /// <summary>How long a public answer is kept at most (an eviction ends it sooner).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddPublicCache(this IServiceCollection services)
    {
        services.AddPublicCacheCompression();
        services.AddOutputCache();
        services.AddSingleton<SingleRender>(); // its eviction count and the store around it are chosen with the store (AddSiteRedis)
        services.AddHttpContextAccessor(); // the store learns which request stored an answer (SingleRender)
        // The pages asked for most, at the front of the pipeline; on one instance only (with the cache
        // in Redis, another instance's evictions would not reach them).
        services.AddSingleton(provider => new HotPages(
            provider.GetRequiredService<ContentStore>(),
            provider.GetRequiredService<TimeProvider>(),
            enabled: provider.GetRequiredService<RedisConnection>() is { IsConfigured: false }));
        // The policies take the content store itself, not from RequestServices: on a cache hit no
        // request scope is created at all.
        services.AddOptions<OutputCacheOptions>().Configure<ContentStore>((options, content) =>
        {
            // Bounded, so that many distinct searches cannot take the memory: the least used go first.
            // 16 MB hold every list page in all three encodings several times over.
            options.SizeLimit = 16 * 1024 * 1024;
            options.AddPolicy(Policy, policy => Public(policy, content).SetVaryByQuery([]));
            // Searches are not kept: nearly every one is asked once (20,000 of them pushed the list's
            // pages out and grew the heap by 40 MB), and rendering one takes about 10 ms.
            options.AddPolicy(ListPolicy, policy => Public(policy, content).SetVaryByQuery(ListParameters)
                .With(context => string.IsNullOrEmpty(context.HttpContext.Request.Query["suche"])));
        });
        services.AddSingleton<SignatoryCacheEviction>();
        return services;
    }

    private static OutputCachePolicyBuilder Public(OutputCachePolicyBuilder policy, ContentStore content) => policy
        .Expire(Lifetime)
        .SetVaryByHost(false)
        .SetVaryByHeader(HeaderNames.AcceptEncoding) // normalized to br, gzip or nothing (PublicCachePipeline)
        // Keyed by the content files' version: a prefix costs a hit nothing (a vary-by value builds
        // and sorts a dictionary per request).
        .SetCacheKeyPrefix(_ => content.Version())
        .Tag(Tag);

    /// <summary>
    /// An entity tag for the public data: changes with every change to a published co-signer (a
    /// change stamps UpdatedAt; one leaving the list lowers the count) or to the content, and is
    /// the same on every instance for the same data. Read from an index of the published rows
    /// alone: over the whole table it was the dearest part of rendering a list page.
    /// </summary>
    public static async Task<string> ETagAsync(AppDbContext db, ContentStore content, string kind) =>
        ETag(await PublishedState(db).FirstOrDefaultAsync(), content, kind);

    /// <summary>The entity tag for a state the caller has read itself (the list reads it once for its page count too).</summary>
    public static string ETag(PublishedStamp? state, ContentStore content, string kind)
    {
        var raw = $"{kind}|{state?.Count}|{state?.Latest.Ticks}|{content.Version()}";
        return "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..20] + "\"";
    }

    /// <summary>
    /// How many co-signers are published, and when the latest of them changed (no row when none is).
    /// The latest change is the first entry of the index on status and change time, the count a
    /// subquery on the status index; grouped as one aggregate, SQLite sorted every published row
    /// into a temporary tree instead.
    /// </summary>
    public static IQueryable<PublishedStamp> PublishedState(AppDbContext db)
    {
        var published = PublishedSignatories.Query(db);
        return published.OrderByDescending(a => a.UpdatedAt).Select(a => new PublishedStamp(published.Count(), a.UpdatedAt)).Take(1);
    }

    public sealed record PublishedStamp(int Count, DateTime Latest);
}

/// <summary>
/// Evicts the public cache after any SaveChanges that touched a published application; inside an
/// explicit transaction (a withdrawal) only once it is committed: a page rendered between the save
/// and the commit still shows the committed state and would otherwise be kept after the commit.
/// </summary>
public sealed class SignatoryCacheEviction(IOutputCacheStore store) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly ConditionalWeakTable<DbContext, object> OnCommit = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TouchesPublicList(context))
        {
            Pending.AddOrUpdate(context, true);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Pending.Remove(context))
        {
            if (context.Database.CurrentTransaction is null)
            {
                await EvictAsync();
            }
            else
            {
                OnCommit.AddOrUpdate(context, true);
            }
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && OnCommit.Remove(context))
        {
            await EvictAsync();
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && OnCommit.Remove(context))
        {
            EvictAsync().AsTask().GetAwaiter().GetResult(); // nothing commits synchronously today; waiting beats a lost eviction
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            OnCommit.Remove(context); // nothing changed
        }
    }

    private ValueTask EvictAsync() => store.EvictByTagAsync(PublicCache.Tag, CancellationToken.None);

    private static bool TouchesPublicList(DbContext context) =>
        context.ChangeTracker.Entries<Application>().Any(entry => entry.State switch
        {
            EntityState.Added => entry.Entity.Status == ApplicationStatus.Published,
            EntityState.Modified or EntityState.Deleted =>
                entry.Entity.Status == ApplicationStatus.Published
                || entry.Property(a => a.Status).OriginalValue == ApplicationStatus.Published,
            _ => false,
        });
}
