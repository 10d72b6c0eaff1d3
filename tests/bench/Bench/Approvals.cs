using System.Diagnostics;
using System.Text.RegularExpressions;
using OtpNet;

namespace Integrationsoffensive.Bench;

/// <summary>
/// A moderator approving one application per interval, through the real pages: each approval
/// evicts the public cache, so the stampede round measures renders per eviction. It first
/// accepts an invitation (link from the command line), signs in, and lets applicants apply and
/// confirm (links the mail sink kept, see <see cref="MailSink"/>) so there is something to approve.
/// </summary>
public static partial class Approvals
{
    private const string Password = "ein langes Passwort für den Lasttest";

    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Text("url");
        var seconds = options.Seconds("seconds", 10);
        var every = options.Seconds("every", 1);
        var links = options.Text("links");
        using var moderator = ManualCookies.Client(url);
        var key = await AcceptInvitationAsync(moderator, new Uri(options.Text("link")).PathAndQuery);
        await SignInAsync(moderator, options.Text("email"), key);
        await ConfirmedApplicationsAsync(url, links, (int)Math.Ceiling(seconds / every) + 2);

        // Preparing takes seconds on a slow machine: the readers' load starts when this file
        // appears, so that every approval falls within it (approvals after the load ended would
        // count evictions no reader could render again).
        await File.WriteAllTextAsync(options.Text("ready"), "ready");
        var approved = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            var queue = await moderator.GetStringAsync("/moderation");
            var first = SelectedBox().Match(queue);
            if (first.Success)
            {
                var answer = await FormPage.PostAsync(moderator, "/moderation?handler=Approve",
                    [new("__RequestVerificationToken", FormPage.Field(queue, "__RequestVerificationToken")), new("Selected", first.Groups[1].Value)]);
                approved += answer.StatusCode == System.Net.HttpStatusCode.Redirect ? 1 : 0;
            }

            var wait = TimeSpan.FromSeconds(every * (approved + 1)) - watch.Elapsed;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        }

        Latencies.Report(new { approved });
        return 0;
    }

    private static string Code(string key, int stepsAhead) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    private static async Task<string> AcceptInvitationAsync(HttpClient client, string link)
    {
        var page = await client.GetStringAsync(link);
        var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await FormPage.PostAsync(client, link, [
            new("__RequestVerificationToken", FormPage.Field(page, "__RequestVerificationToken")),
            new("Input.Password", Password), new("Input.PasswordRepeat", Password), new("Input.Code", Code(key, 0))]);
        return key;
    }

    private static async Task SignInAsync(HttpClient client, string email, string key)
    {
        var login = await client.GetStringAsync("/konto/anmelden");
        var first = await FormPage.PostAsync(client, "/konto/anmelden", [
            new("__RequestVerificationToken", FormPage.Field(login, "__RequestVerificationToken")), new("Input.Email", email), new("Input.Password", Password)]);
        var codePage = await client.GetStringAsync(first.Headers.Location!.OriginalString);
        var second = await FormPage.PostAsync(client, first.Headers.Location.OriginalString, [
            new("__RequestVerificationToken", FormPage.Field(codePage, "__RequestVerificationToken")), new("Input.Code", Code(key, 1))]);
        if (second.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("sign-in failed");
        }
    }

    private static async Task ConfirmedApplicationsAsync(string url, string linkFile, int count)
    {
        await ApplyLoad.RunAsync(Options.Parse(["--url", url, "--clients", "2", "--seconds", "2"]));
        using var applicant = FormPage.Client(url);
        foreach (var link in await LinksAsync(linkFile, count))
        {
            var page = await applicant.GetStringAsync(link);
            await FormPage.PostAsync(applicant, link, [new("__RequestVerificationToken", FormPage.Field(page, "__RequestVerificationToken"))]);
        }
    }

    // The outbox sends within its poll interval; the sink writes each link as the mail arrives.
    private static async Task<List<string>> LinksAsync(string linkFile, int count)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var links = File.ReadLines(linkFile).Distinct().Take(count).ToList();
            if (links.Count == count || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return links;
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex("name=\"Selected\" value=\"(\\d+)\"")]
    private static partial Regex SelectedBox();

    [GeneratedRegex("<code class=\"shared-key\">([^<]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("https?://[^/\\s]+(/mitzeichnen/bestaetigen/[A-Za-z0-9_\\-]+)")]
    internal static partial Regex ConfirmLink();
}
