using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// A site whose output cache store is the site's own (in memory or Redis, with everything the site
/// puts around it) inside a test's store, which holds it at chosen moments: the timing of a busy
/// machine, made deterministic at the edge.
/// </summary>
public sealed class WrappedStoreSite<TStore> : SiteFactory
    where TStore : IOutputCacheStore
{
    private readonly Func<IOutputCacheStore, TStore> _wrap;

    public WrappedStoreSite(Func<IOutputCacheStore, TStore> wrap)
    {
        _wrap = wrap;
        JobsOnlyWhenAsked = true;
    }

    public TStore Store => (TStore)Services.GetRequiredService<IOutputCacheStore>();

    /// <summary>The output cache in this redis-server instead of in memory.</summary>
    public WrappedStoreSite<TStore> OnRedis(RedisServer redis)
    {
        WithSetting("Redis:Configuration", redis.Configuration).WithSetting("Redis:TimeoutMilliseconds", "10000");
        return this;
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        var site = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Replace(ServiceDescriptor.Singleton<IOutputCacheStore>(provider =>
            _wrap((IOutputCacheStore)site.ImplementationFactory!(provider))));
    }
}
