using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Captures every log event the site writes, so tests can read what an operator would see.</summary>
public sealed class LogCollector : ILoggerProvider, ILogEventSink
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentQueue<LogEvent> _events = new();

    /// <summary>Serilog's structured events, with every property an operator's log store would keep.</summary>
    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _entries);

    /// <summary>
    /// The first entry that matches, waiting briefly for it: some lines (the request log) are
    /// written just after the response has reached the client.
    /// </summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> predicate)
    {
        return (await Eventually.WaitForAsync(
            () => _entries.FirstOrDefault(predicate),
            entry => entry is not null,
            _ => "no matching log entry. Logged:\n" + string.Join("\n", _entries.Select(e => e.Message))))!;
    }

    public void Dispose()
    {
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>Everything an operator would read in the log line, exception included.</summary>
    public string FullText => Exception is null ? Message : Message + "\n" + Exception;
}
