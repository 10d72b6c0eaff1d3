using System.Net;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// Readers requesting public pages in a loop, each with its own client, while a test changes what
/// they read: the reads are counted (so a change can wait until they really overlap it), and every
/// answer that is not 200 is collected.
/// </summary>
public sealed class ParallelReaders : IDisposable
{
    private readonly CancellationTokenSource _done = new();
    private readonly List<Task<List<HttpStatusCode>>> _readers;
    private int _reads;

    /// <param name="site">A site that is already up (the factory starts it on the first client, not safely from many at once).</param>
    /// <param name="count">How many readers.</param>
    /// <param name="request">The request a reader makes for its n-th read.</param>
    public ParallelReaders(SiteFactory site, int count, Func<int, int, HttpRequestMessage> request)
    {
        _readers = Enumerable.Range(0, count).Select(reader => Task.Run(async () =>
        {
            var client = site.CreatePlainClient();
            var failures = new List<HttpStatusCode>();
            for (var n = 0; !_done.IsCancellationRequested; n++)
            {
                using var message = request(reader, n);
                using var response = await client.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add(response.StatusCode);
                }

                Interlocked.Increment(ref _reads);
            }

            return failures;
        })).ToList();
    }

    /// <summary>Waits until the readers have made <paramref name="more"/> reads from now.</summary>
    public Task WaitForReadsAsync(int more)
    {
        var before = Volatile.Read(ref _reads);
        return Eventually.WaitForAsync(() => Volatile.Read(ref _reads), n => n >= before + more, n => $"the readers made {n - before} of {more} reads");
    }

    /// <summary>Stops the readers and returns the answers that were not 200 (none, when all is well).</summary>
    public async Task<List<HttpStatusCode>> StopAsync()
    {
        await _done.CancelAsync();
        return (await Task.WhenAll(_readers)).SelectMany(f => f).ToList();
    }

    public void Dispose() => _done.Cancel(); // readers a failed test left running stop with it
}
