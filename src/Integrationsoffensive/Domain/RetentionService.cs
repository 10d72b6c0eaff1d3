using Integrationsoffensive.Data;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Domain;

/// <summary>
/// Runs <see cref="RetentionJob"/> at start and then every configured interval; with several
/// instances, only the one that claims the period (<see cref="JobRun"/>) runs it.
/// </summary>
public sealed class RetentionService(IServiceScopeFactory scopes, IOptions<SigningOptions> options, TimeProvider clock, ILogger<RetentionService> logger)
    : PeriodicService<RetentionJob>(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RetentionIntervalMinutes);

    protected override Task<bool> ClaimAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        JobRun.TryClaimAsync(services.GetRequiredService<AppDbContext>(), nameof(RetentionJob), clock.GetUtcNow().UtcDateTime, Interval, cancellationToken);
}
