namespace Integrationsoffensive.Domain;

/// <summary>Work a background service repeats, each run in a scope of its own.</summary>
public interface IPeriodicJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Runs <typeparamref name="TJob"/> at start and then every <see cref="Interval"/>. A failed run is
/// logged and tried again at the next interval; jobs must be safe with several instances at once.
/// </summary>
public abstract class PeriodicService<TJob>(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
    where TJob : IPeriodicJob
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether this instance runs the job now; a job that must run once per period across instances claims it.</summary>
    protected virtual Task<bool> ClaimAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.FromResult(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await ClaimAsync(scope.ServiceProvider, stoppingToken))
                {
                    await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "{Job} failed; it runs again at the next interval", typeof(TJob).Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
