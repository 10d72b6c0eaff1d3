using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Domain;

/// <summary>Runs <see cref="RetentionJob"/> at start and then every configured interval.</summary>
public sealed class RetentionService(IServiceScopeFactory scopes, IOptions<SigningOptions> options, ILogger<RetentionService> logger)
    : PeriodicService<RetentionJob>(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RetentionIntervalMinutes);
}
