namespace Integrationsoffensive.Hosting;

/// <summary>
/// One line at start with the garbage collector's settings this process really runs with (read from
/// the runtime, not from our configuration), so that an operator can tell from the log why an
/// instance holds the memory it holds. The settings themselves are in the project file.
/// </summary>
public static class MemorySettings
{
    public static void LogMemorySettings(this WebApplication app)
    {
        var settings = GC.GetConfigurationVariables();
        app.Logger.LogInformation(
            "Memory: {Kind:l} GC, gen0 budget {Gen0Budget:l}, conserve memory {ConserveMemory}, heap limit {HeapLimit:l}",
            Setting(settings, "ServerGC") is true ? "server" : "workstation",
            Megabytes(settings, "GCGen0MaxBudget", whenUnset: "from the processor's cache size"),
            Setting(settings, "GCConserveMem") ?? 0,
            Megabytes(settings, "GCHeapHardLimit", whenUnset: "none"));
    }

    private static object? Setting(IReadOnlyDictionary<string, object> settings, string name) =>
        settings.TryGetValue(name, out var value) ? value : null;

    private static string Megabytes(IReadOnlyDictionary<string, object> settings, string name, string whenUnset) =>
        Setting(settings, name) is { } value && Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var bytes
            ? $"at most {bytes / (1024 * 1024)} MB"
            : whenUnset;
}
