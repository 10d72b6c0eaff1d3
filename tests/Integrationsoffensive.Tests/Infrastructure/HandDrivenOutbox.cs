using Integrationsoffensive.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// The outbox sender without its background loop: the test calls <see cref="OutboxSender.SendNextAsync"/>
/// itself and knows exactly which rounds ran (the loop would run at its own pace, between the
/// test's steps). The sender is the site's own singleton, with the site's database, clock and SMTP.
/// </summary>
public static class HandDrivenOutbox
{
    public static void LeaveOutTheLoop(IServiceCollection services)
    {
        // The sender is registered through a factory (it is also a singleton of its own); each such
        // registration keeps its place, only an OutboxSender it yields is swapped for one that idles.
        var factories = 0;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i] is { IsKeyedService: false, ServiceType: var type, ImplementationFactory: { } create } && type == typeof(IHostedService))
            {
                factories++;
                services[i] = ServiceDescriptor.Singleton<IHostedService>(provider =>
                    create(provider) is var service && service is OutboxSender ? new Idle() : (IHostedService)service);
            }
        }

        if (!services.Any(d => d.ServiceType == typeof(OutboxSender)) || factories == 0)
        {
            throw new InvalidOperationException("The outbox sender is no longer a hosted service made by a factory: its loop could not be left out.");
        }
    }

    private sealed class Idle : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
