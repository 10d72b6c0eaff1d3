using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Integrationsoffensive.Bench;

/// <summary>
/// Where a running site allocates while something else puts load on it: the runtime's allocation
/// ticks (one about every 100 KB allocated, with the type and the stack) for some seconds, summed
/// per type and per method on the stack (inclusive). Sampled, so a share below 1 % is noise.
/// </summary>
public static class Allocations
{
    public static async Task<int> RunAsync(Options options)
    {
        var pid = int.Parse(options.Text("pid"), System.Globalization.CultureInfo.InvariantCulture);
        var top = options.Number("top", 25);
        var file = Path.Combine(Path.GetTempPath(), $"allocations-{pid}-{Guid.NewGuid():N}.nettrace");
        try
        {
            await RecordAsync(pid, TimeSpan.FromSeconds(options.Seconds("seconds", 5)), file);
            var (total, byType, byMethod) = Sum(file);
            Latencies.Report(new
            {
                sampledBytes = total,
                types = Top(byType, total, top),
                methods = Top(byMethod, total, top),
            });
            return 0;
        }
        finally
        {
            File.Delete(file);
            File.Delete(Path.ChangeExtension(file, ".etlx"));
        }
    }

    private static async Task RecordAsync(int pid, TimeSpan duration, string file)
    {
        var providers = new[] { new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC) };
        using var session = new DiagnosticsClient(pid).StartEventPipeSession(providers, requestRundown: true);
        await using var output = File.Create(file);
        var copy = session.EventStream.CopyToAsync(output);
        await Task.Delay(duration);
        await session.StopAsync(CancellationToken.None);
        await copy;
    }

    private static (long Total, Dictionary<string, long> ByType, Dictionary<string, long> ByMethod) Sum(string file)
    {
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(file));
        var byType = new Dictionary<string, long>();
        var byMethod = new Dictionary<string, long>();
        long total = 0;
        foreach (var traced in log.Events) // TraceEvents enumerates only as IEnumerable<TraceEvent>
        {
            if (traced is not GCAllocationTickTraceData tick)
            {
                continue;
            }

            var bytes = tick.AllocationAmount64;
            total += bytes;
            var type = tick.TypeName ?? "?";
            byType[type] = byType.GetValueOrDefault(type) + bytes;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
            {
                var method = frame.CodeAddress.FullMethodName is { Length: > 0 } name ? name : frame.CodeAddress.ModuleName + "!?";
                if (seen.Add(method))
                {
                    byMethod[method] = byMethod.GetValueOrDefault(method) + bytes;
                }
            }
        }

        return (total, byType, byMethod);
    }

    private static object[] Top(Dictionary<string, long> bytes, long total, int count) =>
        [.. bytes.OrderByDescending(entry => entry.Value).Take(count)
            .Select(entry => new { share = Math.Round(100.0 * entry.Value / Math.Max(1, total), 1), name = entry.Key.Length > 160 ? entry.Key[..160] : entry.Key })];
}
