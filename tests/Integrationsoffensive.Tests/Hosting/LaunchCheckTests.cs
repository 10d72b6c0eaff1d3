using System.Net;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// In Production, what must not go public unnoticed (a sender on localhost, no moderator
/// addresses, placeholders in the legal pages) is a warning at start and a notice on the
/// dashboard; placeholders in the legal pages make readiness Degraded until they are gone.
/// </summary>
public sealed class LaunchCheckTests : IDisposable
{
    private readonly ProductionSite _site = new();

    public void Dispose() => _site.Dispose();

    private sealed class ProductionSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task InProduction_UnfinishedSetup_IsAWarningAtStart_AndANoticeOnTheDashboard()
    {
        _site.WithSetting("Email:ModeratorAddresses:0", "").WithSetting("Site:PublicBaseUrl", "http://localhost:5000");
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (_, page) = await client.GetPageAsync("/moderation/uebersicht");

        var notices = page.QuerySelectorAll(".launch-notice li").Select(li => li.Text()).ToList();
        Assert.Contains(notices, n => n.StartsWith("Die E-Mails gehen noch von „aufruf@localhost“ aus.", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.StartsWith("Es ist keine Adresse der Moderation eingetragen", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.StartsWith("Die Links in den E-Mails und Exporten führen noch auf „http://localhost:5000“", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Contains("Platzhalter", StringComparison.Ordinal)
            && n.EndsWith("seiten/barrierefreiheit.md, seiten/datenschutz.md, seiten/impressum.md. Bis sie ersetzt sind, meldet /healthz/ready „Degraded“.", StringComparison.Ordinal));
        var warnings = _site.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Before going live", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Contains(warnings, w => w.Contains("localhost", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("No moderator addresses", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("Site:PublicBaseUrl", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("seiten/impressum.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readiness_IsDegraded_WhileTheLegalPagesHavePlaceholders_AndHealthyOnceTheyAreFilledIn()
    {
        var client = _site.CreatePlainClient();
        var degraded = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode); // still ready: the balancer keeps sending requests
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());

        foreach (var page in new[] { "seiten/impressum.md", "seiten/datenschutz.md", "seiten/barrierefreiheit.md" })
        {
            var text = _site.ReadContent(page);
            _site.WriteContent(page, System.Text.RegularExpressions.Regex.Replace(text, @"\[Platzhalter:[^\]]*\]", "ausgefüllt"));
        }

        Assert.Equal("Healthy", await (await client.GetAsync("/healthz/ready")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AConfiguredSite_HasNothingToReport()
    {
        _site.WithSetting("Email:From", "aufruf@integrationsoffensive.example").WithSetting("Email:Contact:Name", "Miriam Beispiel");
        foreach (var page in new[] { "seiten/impressum.md", "seiten/datenschutz.md", "seiten/barrierefreiheit.md" })
        {
            _site.WriteContent(page, "---\ntitle: Seite\n---\nFertig.\n");
        }

        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, dashboard) = await client.GetPageAsync("/moderation/uebersicht");

        Assert.Null(dashboard.QuerySelector(".launch-notice")?.Text());
        Assert.DoesNotContain(_site.Logs.Entries, e => e.Message.StartsWith("Before going live", StringComparison.Ordinal));
    }
}
