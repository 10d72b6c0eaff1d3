using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Hosting;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Switch off for load tests only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Form submissions one client address may make per window.</summary>
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// The framework's rate limiter, per client IP, on form submissions (apply, confirm, resend,
/// withdraw). Reading pages is never limited. Counters live in memory, or with Redis configured in
/// Redis (shared by all instances, the address only as a hash, <see cref="SharedFormLimiter"/>); they are not logged.
/// A rejected request gets 429, Retry-After and the German error page.
/// </summary>
public static class RateLimits
{
    public const string Forms = "forms";

    public static void AddSiteRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.Section)
            .Validate(o => o.PermitLimit > 0 && o.WindowSeconds > 0, "RateLimiting:PermitLimit and WindowSeconds must be positive.")
            .ValidateOnStart();

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                    .CreateLogger(typeof(RateLimits)).LogWarning("Rate limit reached for a form submission");
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Forms, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                if (!settings.Enabled || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var client = ClientKey(context.Connection.RemoteIpAddress);
                var window = TimeSpan.FromSeconds(settings.WindowSeconds);
                var redis = context.RequestServices.GetRequiredService<RedisConnection>();
                if (redis.IsConfigured)
                {
                    return RateLimitPartition.Get(client, key => (RateLimiter)new SharedFormLimiter(redis, Forms, key, settings.PermitLimit, window));
                }

                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = window,
                    QueueLimit = 0,
                });
            });
        });
    }

    /// <summary>
    /// Who a limit belongs to: an IPv4 address, or an IPv6 /64 network (a household or a server
    /// gets a whole /64, so a single IPv6 address would limit nothing).
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
