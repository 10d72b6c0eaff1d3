using System.Net;
using Integrationsoffensive.Email;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// The private pages with a form (the links from mails, sign-in, the moderation pages) are never
/// stored by a cache, and saying so costs the operator nothing: the framework's antiforgery writes
/// its own „no-cache, no-store“ on every page with a form and logs a warning when the page had said
/// anything else. Such a warning per confirmation click and per moderation page would bury the
/// warnings that matter on the night.
/// </summary>
public sealed class PrivatePageHeaderTests : IDisposable
{
    private readonly SmtpSiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task PagesWithForms_AreNeverCached_AndLogNoWarningForIt()
    {
        var applicant = _site.CreatePlainClient();
        await _site.ApplyAsync(applicant, Applications.FormValues());
        var mail = (await _site.Smtp.WaitForAsync(m => m.Subject == ApplicationMails.ConfirmSubject)).Single();
        var invitation = await _site.InviteAsync("neu@aufruf.example");
        var moderator = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var pages = new List<(HttpClient Client, string Path)>
        {
            (applicant, SigningSteps.LinkIn(mail.TextBody, "/mitzeichnen/bestaetigen/")),
            (applicant, SigningSteps.LinkIn(mail.TextBody, "/mitzeichnen/zurueckziehen/")),
            (_site.CreatePlainClient(), "/konto/anmelden"),
            (_site.CreatePlainClient(), "/konto/passwort-vergessen"),
            (_site.CreatePlainClient(), invitation),
            (moderator, "/moderation"),
            (moderator, "/moderation/protokoll"),
        };

        foreach (var (client, path) in pages)
        {
            var (response, page) = await client.GetPageAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            Assert.NotNull(page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]"));
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
            Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        }

        var warnings = _site.Logs.Entries.Where(e => e.Level >= LogLevel.Warning && e.Category.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings.Select(w => w.Category + ": " + w.Message)));
    }
}
