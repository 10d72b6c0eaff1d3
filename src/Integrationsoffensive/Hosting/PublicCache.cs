using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

    public static IServiceCollection AddPublicCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.AddPolicy(Policy, policy => Public(policy).SetVaryByQuery([]));
            options.AddPolicy(ListPolicy, policy => Public(policy).SetVaryByQuery(ListParameters));
        });
        services.AddSingleton<SignatoryCacheEviction>();

        // Brotli for pages and feeds (static assets come precompressed). Over HTTPS only what these
        // policies serve is compressed: the same answer for everyone, no token or form in it, so
        // compression cannot leak a secret (BREACH); forms and moderation pages stay uncompressed.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = false;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "text/csv", "application/atom+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Optimal);
        return services;
    }

    private static OutputCachePolicyBuilder Public(OutputCachePolicyBuilder policy) => policy
        .AddPolicy<CompressPublicAnswer>()
        .Expire(TimeSpan.FromMinutes(10))
        .SetVaryByHost(false)
        .VaryByValue(context => new KeyValuePair<string, string>("content", context.RequestServices.GetRequiredService<ContentStore>().Version()))
        .Tag(Tag);

    /// <summary>
    /// An entity tag for the public data: changes with every change to an application or to the
    /// content, and is the same on every instance for the same data.
    /// </summary>
    public static async Task<string> ETagAsync(AppDbContext db, ContentStore content, string kind)
    {
        var state = await db.Applications.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Latest = g.Max(a => a.UpdatedAt) })
            .FirstOrDefaultAsync();
        var raw = $"{kind}|{state?.Count}|{state?.Latest.Ticks}|{content.Version()}";
        return "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..20] + "\"";
    }
}

/// <summary>Marks an answer of the public policies as safe to compress over HTTPS (see AddPublicCache).</summary>
internal sealed class CompressPublicAnswer : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only answers the cache may share: never for signed-in requests, which the default policy excludes.
        if (context.EnableOutputCaching && context.HttpContext.Features.Get<IHttpsCompressionFeature>() is { } compression)
        {
            compression.Mode = HttpsCompressionMode.Compress;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}

/// <summary>Evicts the public cache after any SaveChanges that touched a published application.</summary>
public sealed class SignatoryCacheEviction(IOutputCacheStore store) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];

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
            await store.EvictByTagAsync(PublicCache.Tag, CancellationToken.None);
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

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
