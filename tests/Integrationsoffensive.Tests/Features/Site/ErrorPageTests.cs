using System.Net;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Features.Site;

/// <summary>A site whose pages throw when asked to, to see what a reader gets from an unexpected failure.</summary>
public sealed class ThrowingSiteFactory : SiteFactory
{
    public const string Secret = "geheime-interna-4711";

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Configure<MvcOptions>(options => options.Filters.Add(new ThrowWhenAsked()));

    private sealed class ThrowWhenAsked : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            // The error page is re-executed with the same query string; it must not throw again.
            if (context.HttpContext.Request.Query.ContainsKey("ausnahme")
                && !context.HttpContext.Request.Path.StartsWithSegments("/fehler"))
            {
                throw new InvalidOperationException(Secret);
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}

public sealed class ErrorPageTests(ThrowingSiteFactory site) : IClassFixture<ThrowingSiteFactory>
{
    [Fact]
    public async Task Get_UnknownPath_ShowsTheGerman404InTheLayout()
    {
        var (response, document) = await site.CreatePlainClient().GetPageAsync("/gibt-es-nicht/wirklich");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Seite nicht gefunden", document.QuerySelector("h1")!.Text());
        Assert.NotNull(document.QuerySelector("footer a[href='/impressum']"));
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Get_UnknownStaticPage_Answers404()
    {
        var response = await site.CreatePlainClient().GetAsync("/unbekannte-seite");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_PathTraversalAsPageName_Answers404()
    {
        var response = await site.CreatePlainClient().GetAsync("/..%2Faufruf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Testing")] // as in Production: the error page is re-executed
    [InlineData("Development")] // the developer exception page instead, no re-execution
    public async Task APageThatThrows_HasOneRequestLine_WithItsRouteAnd500(string environment)
    {
        using var throwing = new ThrowingSiteFactory();
        using var running = throwing.WithWebHostBuilder(host => host.UseEnvironment(environment));

        await running.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }).GetAsync("/impressum?ausnahme=1");

        var line = Assert.Single(throwing.Logs.Events, e => e.Properties.ContainsKey("RequestRoute"));
        Assert.StartsWith("/{slug", (string)((Serilog.Events.ScalarValue)line.Properties["RequestRoute"]).Value!, StringComparison.Ordinal);
        Assert.Equal(500, ((Serilog.Events.ScalarValue)line.Properties["StatusCode"]).Value);
        Assert.Equal(Serilog.Events.LogEventLevel.Error, line.Level);
    }

    [Fact]
    public async Task Get_PageThatThrows_ShowsTheGerman500_WithoutStackTrace()
    {
        var (response, document) = await site.CreatePlainClient().GetPageAsync("/impressum?ausnahme=1");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Ein Fehler ist aufgetreten", document.QuerySelector("h1")!.Text());
        var html = document.DocumentElement.OuterHtml;
        Assert.DoesNotContain(ThrowingSiteFactory.Secret, html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.Contains(site.Logs.Entries, e => e.Exception?.Message == ThrowingSiteFactory.Secret);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/impressum")]
    [InlineData("/mitzeichnen/danke")]
    public async Task Post_ToAPageWithoutAForm_Answers405_WithAValidToken(string path)
    {
        var client = site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen/neuer-link");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("Diese Aktion ist hier nicht möglich", (await response.ReadDocumentAsync()).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task Get_ErrorPageDirectly_AnswersWithItsCode()
    {
        var (response, document) = await site.CreatePlainClient().GetPageAsync("/fehler/429");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Zu viele Anfragen", document.QuerySelector("h1")!.Text());
    }
}

/// <summary>Error-level log lines are for real errors: anyone can ask for an error page directly.</summary>
public sealed class ErrorPageLoggingTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("/fehler/500")]
    [InlineData("/fehler/503")]
    [InlineData("/fehler")]
    public async Task AskingForAnErrorPageDirectly_WritesNoErrorLine(string path)
    {
        await _site.CreatePlainClient().GetAsync(path);

        var line = await _site.Logs.WaitForAsync(e => e.Message.Contains("HTTP GET /fehler", StringComparison.Ordinal));
        Assert.NotEqual(Microsoft.Extensions.Logging.LogLevel.Error, line.Level);
        Assert.DoesNotContain(_site.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }
}
