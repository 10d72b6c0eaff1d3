using System.Threading.Channels;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// New applications are stored by one writer, many in one transaction. When hundreds apply at
/// once, each request hands its new application (with its audit entry, tokens, logo and
/// confirmation mail) over and waits; the writer saves whatever has arrived since its last save in
/// one go. On SQLite every write of the process takes its turn at one gate anyway
/// (<see cref="SqliteWriteGate"/>): one save for many applications takes that turn once instead of
/// many times and writes the index pages they share once. If a save breaks a unique index (a
/// parallel request stored the same application first), each application of it is saved alone, so
/// that only the one concerned hears of the conflict. If the store fails (a full disk, a read-only
/// file), every request of that save gets the error and answers as it would have alone.
/// </summary>
public sealed class SubmissionWriter(IServiceScopeFactory scopes) : BackgroundService
{
    private const int MostAtOnce = 64;

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private sealed record Pending(Application Application, TaskCompletionSource<bool> Saved);

    /// <summary>Stores a new application and all that hangs on it; false when a parallel request stored the same one first.</summary>
    public Task<bool> SaveAsync(Application application)
    {
        var pending = new Pending(application, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        // After the writer has stopped (the site is shutting down), a late application is saved alone.
        return _pending.Writer.TryWrite(pending) ? pending.Saved.Task : TrySaveAsync([pending]);
    }

    // What was handed over before the stop is stored before the writer ends.
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MostAtOnce);
        while (await _pending.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MostAtOnce && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await SaveAsync(batch);
            batch.Clear();
        }
    }

    private async Task SaveAsync(List<Pending> batch)
    {
        try
        {
            if (await TrySaveAsync(batch))
            {
                batch.ForEach(p => p.Saved.TrySetResult(true));
                return;
            }

            foreach (var pending in batch)
            {
                pending.Saved.TrySetResult(batch.Count > 1 && await TrySaveAsync([pending]));
            }
        }
        catch (Exception exception)
        {
            batch.ForEach(p => p.Saved.TrySetException(exception));
        }
    }

    private async Task<bool> TrySaveAsync(IEnumerable<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Applications.AddRange(batch.Select(p => p.Application));
        return await db.TrySaveChangesAsync();
    }
}
