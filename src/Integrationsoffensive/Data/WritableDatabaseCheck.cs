using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integrationsoffensive.Data;

/// <summary>
/// Ready means the database takes writes, not only that it answers: a row is written into the
/// migrations history inside a transaction that is rolled back, so nothing stays behind. A
/// read-only file or a full disk makes the balancer stop sending requests here.
/// </summary>
public sealed class WritableDatabaseCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var probe = "readiness-" + Guid.NewGuid().ToString("N");
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({probe}, {"probe"})""", cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not take writes.", exception);
        }
    }
}
