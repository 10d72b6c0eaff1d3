using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// Redis for several instances: with <c>Redis:Configuration</c> set, the public output cache lives in
/// Redis (an approval on one instance evicts the pages of all) and the form limits count there (a
/// second instance does not double them). Without it, both stay in memory as before. Decided when
/// the services are first resolved, so configuration from any source counts.
/// </summary>
public static class RedisSetup
{
    public static void AddSiteRedis(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RedisOptions>()
            .BindConfiguration(RedisOptions.Section)
            .Validate(o => !o.IsConfigured || IsValid(o.Configuration!), "Redis:Configuration is not a valid StackExchange.Redis configuration string.")
            .Validate(o => o.TimeoutMilliseconds > 0 && o.RetrySeconds >= 0, "Redis:TimeoutMilliseconds must be positive, Redis:RetrySeconds not negative.")
            .ValidateOnStart();
        services.AddSingleton<RedisConnection>();
        services.AddHostedService(provider => provider.GetRequiredService<RedisConnection>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);

        // The in-memory store AddPublicCache registered (bounded by OutputCacheOptions.SizeLimit).
        var memory = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore))
            ?? throw new InvalidOperationException("Call AddPublicCache before AddSiteRedis.");
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection>((cache, redis) =>
        {
            cache.InstanceName = redis.Options.InstanceName;
            cache.ConnectionMultiplexerFactory = async () => await redis.ConnectAsync(); // asked only once IsAvailable
        });
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));

        services.AddSingleton<IEvictionCount>(provider => provider.GetRequiredService<RedisConnection>() is { IsConfigured: true } redis
            ? new RedisEvictionCount(redis)
            : new LocalEvictionCount());
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider =>
        {
            var redis = provider.GetRequiredService<RedisConnection>();
            return CountingOutputCacheStore.Around(
                redis.IsConfigured ? new FailSafeOutputCacheStore(Create(provider, redisStore), redis, provider.GetRequiredService<IEvictionCount>()) : Create(provider, memory),
                provider);
        });
    }

    private static IOutputCacheStore Create(IServiceProvider provider, ServiceDescriptor descriptor) => (IOutputCacheStore)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    private static bool IsValid(string configuration)
    {
        try
        {
            ConfigurationOptions.Parse(configuration);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
