using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// Serilog for the whole site. Request log lines name the route pattern, never the concrete path,
/// because paths carry confirmation and withdrawal tokens; no IP address is ever logged.
/// </summary>
public static partial class Logging
{
    public static void AddSiteLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, config) =>
            {
                config
                    .MinimumLevel.Information()
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    // Hosting's own request lines are replaced by UseSiteRequestLogging. Were this
                    // category enabled at any level, hosting would open a log scope and start an
                    // Activity for every request, cache hits included (a fifth of what a hit allocates).
                    .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LevelAlias.Off)
                    // A status-message cookie that cannot be read (made up, or from before the key
                    // ring changed) is ignored by the framework with a warning and stack trace per
                    // request: anyone could flood the log with one header.
                    .MinimumLevel.Override("Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider", LogEventLevel.Error)
                    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                    .ReadFrom.Services(services)
                    .Enrich.FromLogContext()
                    .Enrich.With<WithoutRequestPath>();
                // Only when the operator configured something (Serilog:MinimumLevel:…): reading the
                // section looks through every library the site ships for Serilog's (its dependency
                // file, then loading each) on a fresh start's path, for nothing when it is empty
                // (CPU to the first answer 1,590 → 1,530 ms, tests/bench/cold-start.sh, README „Leistung“).
                if (builder.Configuration.GetSection("Serilog").Exists())
                {
                    config.ReadFrom.Configuration(builder.Configuration);
                }

                if (development)
                {
                    config.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    config.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
            },
            // Each host keeps its own logger instead of replacing the static Log.Logger, and events go to
            // other ILoggerProviders too, so that tests running several sites capture each one's log.
            preserveStaticLogger: true,
            writeToProviders: true);
    }

    /// <summary>
    /// Set by the error page when someone asked for it by its address (/fehler/500): its status code
    /// is shown, but nothing failed, so the request is not logged as an error.
    /// </summary>
    public const string ErrorPageAskedForKey = "error-page-asked-for";

    public static void UseSiteRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // The host's own logger: the static Log.Logger is left untouched (see AddSiteLogging).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod:l} {RequestRoute:l} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetMessageTemplateProperties = (context, _, elapsed, statusCode) =>
            [
                new("RequestMethod", new ScalarValue(context.Request.Method)),
                new("RequestRoute", new ScalarValue(RouteForLog(context))),
                new("StatusCode", new ScalarValue(context.Items.TryGetValue(FailedWithKey, out var failed) ? failed : statusCode)),
                new("Elapsed", new ScalarValue(elapsed)),
            ];
            // Readers' successful page views are Debug (the proxy in front keeps access logs; at a
            // press spike one console line per view would cost more than the view itself); forms,
            // errors and everything of the moderation area stay Information.
            options.GetLevel = (context, elapsed, exception) => LevelFor(context, elapsed, exception);
        });

    /// <summary>The level of a request's line: see <see cref="UseSiteRequestLogging"/>.</summary>
    internal static LogEventLevel LevelFor(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        exception is not null ? Failed(context, elapsedMilliseconds, exception)
        : context.Features.Get<IExceptionHandlerFeature>() is not null ? LogEventLevel.Verbose // its request has its line
        : context.Response.StatusCode >= 500 && !context.Items.ContainsKey(ErrorPageAskedForKey) ? LogEventLevel.Error
        : context.Request.Path.StartsWithSegments("/healthz") ? LogEventLevel.Verbose
        : IsReaderView(context) ? LogEventLevel.Debug
        : LogEventLevel.Information;

    private const string FailedWithKey = "request-failed-with";

    internal const double HungUpAfterLongWaitMilliseconds = 10_000;

    // A failure passing through: the request's one line, with the status the error handler will
    // answer (503 for the storage's failures; the middleware itself would say 500 for every one),
    // the route asked for and the whole time taken. The error page's re-execution writes no line.
    private static LogEventLevel Failed(HttpContext context, double elapsedMilliseconds, Exception exception)
    {
        // The reader went away (closed the tab, a monitor's HEAD that hangs up after the headers,
        // a download broken off): nothing failed here. 499 as the framework's error handler says it.
        // After a long wait it was likely the proxy giving up on a site that stalled: a warning.
        if (exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            context.Items[FailedWithKey] = StatusCodes.Status499ClientClosedRequest;
            return elapsedMilliseconds >= HungUpAfterLongWaitMilliseconds ? LogEventLevel.Warning : LogEventLevel.Information;
        }

        context.Items[FailedWithKey] = context.Response.HasStarted
            ? StatusCodes.Status500InternalServerError
            : Data.StorageFailures.StatusCodeFor(exception); // as the error handler chooses it
        return LogEventLevel.Error;
    }

    private static bool IsReaderView(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.Response.StatusCode < 400
        && !context.Request.Path.StartsWithSegments("/moderation")
        && !context.Request.Path.StartsWithSegments("/konto");

    /// <summary>
    /// "/mitzeichnen/bestaetigen/{token}" instead of the real path. Requests that matched no
    /// endpoint log their path with anything that looks like an address or a token masked.
    /// </summary>
    internal static string RouteForLog(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern })
        {
            return "/" + pattern.TrimStart('/');
        }

        var path = SensitiveSegment().Replace(context.Request.Path.Value ?? "/", "[entfernt]");
        return path.Length > 120 ? path[..120] + "…" : path;
    }

    // A segment containing "@" (an e-mail address) or a long run of token characters.
    [GeneratedRegex(@"[^/]*@[^/]*|[A-Za-z0-9_\-]{20,}")]
    private static partial Regex SensitiveSegment();

    /// <summary>
    /// ASP.NET Core puts the concrete request path into the scope of every log event during a
    /// request; with tokens in confirmation links that would leak them. The route is logged instead.
    /// </summary>
    private sealed class WithoutRequestPath : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
            logEvent.RemovePropertyIfPresent("RequestPath");
    }
}
