using Integrationsoffensive.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// The site's periodic services (retention, the moderators' digest) left out, for tests that run those
/// jobs by hand and count what their own run did: a service's first run at start may come late on a
/// busy machine, after the test has moved the clock, and do the work first (seen in CI: the digest
/// test's own run found the day's digest already sent).
/// </summary>
public static class PeriodicServices
{
    public static void LeaveOut(IServiceCollection services)
    {
        var periodic = services.Where(d => d.ServiceType == typeof(IHostedService) && IsPeriodic(d.ImplementationType)).ToList();
        if (periodic.Count == 0)
        {
            throw new InvalidOperationException("No periodic service found to leave out.");
        }

        periodic.ForEach(d => services.Remove(d));
    }

    private static bool IsPeriodic(Type? type) =>
        type?.BaseType is { IsGenericType: true } parent && parent.GetGenericTypeDefinition() == typeof(PeriodicService<>);
}
