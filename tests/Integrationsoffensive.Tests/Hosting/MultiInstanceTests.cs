using System.Diagnostics;
using System.Net;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// Two instances of the built site on one PostgreSQL and one Redis behind nginx, as compose.yaml
/// runs them: a whole journey through the balancer, whichever instance answers each request; then
/// one instance stops while applications arrive, and none that was acknowledged is lost.
/// </summary>
[Trait("Database", "Postgres")] // uses PostgreSQL already; left out of the suite's second pass on PostgreSQL
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private const string Name = "Zwei Instanzen Verein";
    private const string Email = "zwei-instanzen@beispiel.example";
    private MultiInstanceSite _site = null!;

    public async Task InitializeAsync()
    {
        if (new MultiInstanceFactAttribute().Skip is null)
        {
            _site = await MultiInstanceSite.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    [MultiInstanceFact]
    public async Task Journey_ThroughTheBalancer_ApplyConfirmSignInApprove_ShowsOnBothInstances_AndEachMailGoesOutOnce()
    {
        // Both instances have the public pages cached before the approval.
        foreach (var instance in _site.Instances)
        {
            using var direct = MultiInstanceSite.Direct(instance);
            foreach (var page in new[] { "/", "/unterzeichnende" })
            {
                await direct.GetAsync(page);
                Assert.DoesNotContain(Name, await direct.GetStringAsync(page));
            }
        }

        using var applicant = _site.Client();
        var (_, form) = await applicant.GetPageAsync("/mitzeichnen");
        var applied = await applicant.SubmitAsync(form, "form.form", Applications.FormValues(name: Name, email: Email));
        Assert.True(applied.StatusCode == HttpStatusCode.Redirect, $"apply answered {(int)applied.StatusCode}\n{_site.Logs()}");

        var confirmMail = Assert.Single(await _site.WaitForMailsAsync(m => m.Subject == ApplicationMails.ConfirmSubject));
        var link = Link(confirmMail.TextBody, "/mitzeichnen/bestaetigen/");
        var (_, confirmPage) = await applicant.GetPageAsync(link);
        var confirmed = await applicant.SubmitAsync(confirmPage, "main form", new Dictionary<string, string?>());
        Assert.True(confirmed.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"confirm answered {(int)confirmed.StatusCode}");

        using var moderator = await SignInAsync();
        for (var i = 0; i < 4; i++)
        {
            // The session holds whichever instance answers (the key ring is in the database).
            var page = await moderator.GetAsync("/moderation");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"request {i}: {(int)page.StatusCode} to {page.Headers.Location}\n{_site.Logs()}");
        }

        var (_, queue) = await moderator.GetPageAsync("/moderation");
        var selected = Assert.Single(queue.QuerySelectorAll("ol.queue input[name=Selected]")).GetAttribute("value")!;
        var approved = await moderator.PostAsync("/moderation?handler=Approve", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", queue.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Selected", selected),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        // Each instance's very next request shows the new signatory: the approval evicted the pages in Redis.
        foreach (var instance in _site.Instances)
        {
            using var direct = MultiInstanceSite.Direct(instance);
            Assert.Contains(Name, await direct.GetStringAsync("/unterzeichnende"));
            Assert.Contains(Name, await direct.GetStringAsync("/"));
        }

        // Every mail in the outbox went out exactly once, whichever instance's sender took it.
        await _site.WaitForMailsAsync(m => m.Subject == ApplicationMails.PublishedSubject);
        await Eventually.UntilAsync(async () => await _site.Postgres.ScalarAsync("SELECT count(*) FROM \"OutboxMessages\" WHERE \"SentAt\" IS NULL") == 0, "the outbox to be empty");
        await Task.Delay(1000); // a second sender that would send a mail again has had time to do it
        var mails = _site.Mails();
        Assert.Equal(await _site.Postgres.ScalarAsync("SELECT count(*) FROM \"OutboxMessages\""), mails.Count);
        Assert.All(mails.GroupBy(m => (m.Subject, To: m.To.ToString())), group => Assert.Single(group));
    }

    [MultiInstanceFact]
    public async Task OneInstanceStops_WhileApplicationsArrive_TheBalancerTakesItOut_AndNoAcknowledgedApplicationIsLost()
    {
        var answers = new System.Collections.Concurrent.ConcurrentBag<(TimeSpan At, HttpStatusCode Status)>();
        var clock = Stopwatch.StartNew();
        var run = TimeSpan.FromSeconds(8);
        var workers = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; clock.Elapsed < run; n++)
            {
                using var client = _site.Client();
                try
                {
                    var (_, form) = await client.GetPageAsync("/mitzeichnen");
                    var answer = await client.SubmitAsync(form, "form.form", Applications.FormValues(name: $"Verein {worker}-{n}", email: $"v{worker}-{n}@beispiel.example"));
                    answers.Add((clock.Elapsed, answer.StatusCode));
                }
                catch (HttpRequestException)
                {
                    answers.Add((clock.Elapsed, 0));
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3));
        var stoppedAt = clock.Elapsed;
        await _site.Instances[1].StopAsync();
        await Task.WhenAll(workers);

        var acknowledged = answers.Count(a => a.Status == HttpStatusCode.Redirect);
        var summary = string.Join(", ", answers.GroupBy(a => (int)a.Status).Select(g => $"{g.Key}: {g.Count()}"));
        Assert.True(answers.Any(a => a.At > stoppedAt + TimeSpan.FromSeconds(1)), "no application arrived after the stop: " + summary);
        Assert.All(answers.Where(a => a.At > stoppedAt + TimeSpan.FromSeconds(1)), a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        Assert.Equal(acknowledged, await _site.Postgres.ScalarAsync("SELECT count(*) FROM \"Applications\""));
        Console.WriteLine($"Two instances, one stopped after {stoppedAt.TotalSeconds:0.0} s: {summary}");
    }

    // The site-relative link in a mail (the mails name the balancer's address).
    private static string Link(string? text, string path)
    {
        Assert.NotNull(text);
        var start = text.IndexOf(path, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No link to {path} in the mail:\n{text}");
        var end = text.IndexOfAny([' ', '\n', '\r'], start);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private async Task<HttpClient> SignInAsync()
    {
        const string email = "moderation@aufruf.example";
        var output = await _site.CommandAsync("moderator", "add", email, "--admin");
        var link = new Uri(output.Trim().Split('\n')[^1].Trim()).PathAndQuery;
        var client = _site.Client();
        var (_, invitation) = await client.GetPageAsync(link);
        var key = invitation.QuerySelector("code.shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var moderator = new TestModerator(email, Moderators.Password, key, () => DateTime.UtcNow);
        var accepted = await client.SubmitAsync(invitation, "main form", new Dictionary<string, string?>
        {
            ["Input.Password"] = Moderators.Password,
            ["Input.PasswordRepeat"] = Moderators.Password,
            ["Input.Code"] = moderator.NextCode(),
        });
        Assert.True(accepted.IsSuccessStatusCode || accepted.StatusCode == HttpStatusCode.Redirect, $"invitation answered {(int)accepted.StatusCode}");

        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        var first = await client.SubmitAsync(login, "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = Moderators.Password });
        var (_, codePage) = await client.GetPageAsync(first.Headers.Location!.OriginalString);
        var second = await client.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = moderator.NextCode() });
        Assert.True(second.Headers.Location?.OriginalString == "/moderation", $"sign-in answered {(int)second.StatusCode}\n{_site.Logs()}");
        return client;
    }
}
