using Integrationsoffensive.Hosting;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integrationsoffensive.Tests.Hosting;

public sealed class SecurityAndLoggingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/impressum")]
    [InlineData("/gibt-es-nicht")]
    [InlineData("/healthz")]
    public async Task EveryResponse_CarriesTheStrictContentSecurityPolicy(string path)
    {
        var response = await site.CreatePlainClient().GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task RequestLog_NamesTheRoute_NotTheQueryOrClientAddress()
    {
        // A page that is not there is logged (Information); a reader's successful view is Debug and
        // not written, so "/impressum" itself would leave no line to read.
        await site.CreatePlainClient().GetAsync("/impressum-alt?email=anna@example.org");

        var line = await site.Logs.WaitForAsync(e => e.Message.Contains("/{slug", StringComparison.Ordinal));
        Assert.DoesNotContain("anna@example.org", line.Message);
        Assert.DoesNotContain("127.0.0.1", line.Message);
        Assert.DoesNotContain("impressum", line.Message);
    }

    [Fact]
    public async Task AStatusCookieThatCannotBeRead_IsIgnored_WithoutAWarningAndStackTracePerRequest()
    {
        // Anyone can send a made-up „hinweis“ cookie; each request wrote a warning with a stack
        // trace, a cheap way to flood the log. The page answers as without it.
        var client = site.CreateClientWithoutCookies();
        client.DefaultRequestHeaders.Add("Cookie", "hinweis=garbage");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/impressum")).StatusCode);
        }

        Assert.DoesNotContain(site.Logs.Events, e => e.Properties.TryGetValue("SourceContext", out var source)
            && source.ToString().Contains("CookieTempDataProvider", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StructuredLogEvents_CarryNoConcretePathOrAddress()
    {
        await site.CreatePlainClient().GetAsync("/impressum-alt?email=anna@example.org");
        await site.Logs.WaitForAsync(e => e.Message.Contains("/{slug", StringComparison.Ordinal));

        var requestEvents = site.Logs.Events.Where(e => e.Properties.ContainsKey("RequestRoute")).ToList();
        Assert.NotEmpty(requestEvents);
        Assert.All(requestEvents, e => Assert.DoesNotContain("RequestPath", e.Properties.Keys));
        var everything = string.Join("\n", site.Logs.Events.Select(e => string.Join(";", e.Properties.Select(p => p.Key + "=" + p.Value)) + e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain("anna@example.org", everything);
        Assert.DoesNotContain("email=", everything);
        Assert.DoesNotContain(site.Logs.Events.SelectMany(e => e.Properties.Values), value => value.ToString() == "\"/impressum-alt\"");
    }

    [Fact]
    public void HostingDiagnostics_AreOff_SoACacheHitOpensNoLogScopeAndStartsNoActivity()
    {
        // Hosting starts an Activity and opens a log scope for every request whenever its category
        // is enabled at any level; the site's own request log replaces its lines.
        var loggers = site.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware").IsEnabled(LogLevel.Error));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void LogLevels_SetInConfiguration_AreHonoured_AndTheSitesOwnStandWithout()
    {
        // README „Configuration“: Serilog:MinimumLevel:… (read only when the section is there).
        const string commands = "Microsoft.EntityFrameworkCore.Database.Command";
        using var fresh = new SiteFactory();
        using var configured = fresh.WithWebHostBuilder(host => host.ConfigureAppConfiguration((_, config) =>
            config.AddInMemoryCollection(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Override:" + commands] = "Information" })));

        var loggers = configured.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger(commands).IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical));
        Assert.False(site.Services.GetRequiredService<ILoggerFactory>().CreateLogger(commands).IsEnabled(LogLevel.Information));
    }

    [Theory]
    [InlineData("/gibt-es/anna@example.org", "/gibt-es/[entfernt]")]
    [InlineData("/mitzeichnen/bestaetigen/Q2hhbmdlTWVQbGVhc2VBbmRUaGFua3M", "/mitzeichnen/bestaetigen/[entfernt]")]
    [InlineData("/kurz/pfad", "/kurz/pfad")]
    public void RouteForLog_WithoutEndpoint_MasksAddressesAndTokens(string path, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;

        Assert.Equal(expected, Logging.RouteForLog(context));
    }

    [Fact]
    public void AReaderWhoHungUp_IsNoError_ButAFailureWhileTheReaderWaits_Is()
    {
        // curl -I on the CSV hangs up after the headers; the export's query is cancelled with it.
        // That was logged as „responded 500“ at Error, an alarm for nothing on the night.
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        var hungUp = new DefaultHttpContext { RequestAborted = gone.Token };
        hungUp.Request.Method = "HEAD";
        var waiting = new DefaultHttpContext();

        Assert.Equal(Serilog.Events.LogEventLevel.Information, Logging.LevelFor(hungUp, 70, new TaskCanceledException()));
        Assert.Equal(Serilog.Events.LogEventLevel.Information, Logging.LevelFor(hungUp, 70, new IOException("The client reset the request stream.")));
        // After a long wait it was likely the proxy giving up on a stalled site: worth a warning.
        Assert.Equal(Serilog.Events.LogEventLevel.Warning, Logging.LevelFor(hungUp, Logging.HungUpAfterLongWaitMilliseconds, new TaskCanceledException()));
        Assert.Equal(Serilog.Events.LogEventLevel.Error, Logging.LevelFor(waiting, 70, new TaskCanceledException())); // a timeout of our own
        Assert.Equal(Serilog.Events.LogEventLevel.Error, Logging.LevelFor(hungUp, 70, new InvalidOperationException()));
    }
}
