using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Integrationsoffensive.Bench;

/// <summary>Collected response times and the one-line JSON report of a round.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<double> _milliseconds = [];

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public double Percentile(double q)
    {
        var sorted = _milliseconds.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
    }

    public static void Report(object figures) => Console.WriteLine(JsonSerializer.Serialize(figures));

    public static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
