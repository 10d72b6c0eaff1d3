using System.Diagnostics;

namespace Integrationsoffensive.Bench;

/// <summary>Many different searches in the list: each a distinct cache key, as a crawler or a script would make them.</summary>
public static class DistinctSearches
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Text("url");
        var count = options.Number("count", 20000);
        var clients = options.Number("clients", 32);
        var next = -1;
        var errors = 0;
        var watch = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
            {
                using var answer = await http.GetAsync($"/unterzeichnende?suche=x{n:x}");
                if (!answer.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));

        Latencies.Report(new { requests = count, perSecond = Math.Round(count / watch.Elapsed.TotalSeconds, 1), errors });
        return 0;
    }
}
