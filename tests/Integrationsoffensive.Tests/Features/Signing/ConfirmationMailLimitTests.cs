using System.Net;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>
/// The site must not become a tool to flood a stranger's mailbox with chosen text: an address gets
/// at most one confirmation mail per interval, listing every application that waits for it, and the
/// names in it, chosen by whoever filled in the form, never become links.
/// </summary>
public sealed class ConfirmationMailLimitTests : IDisposable
{
    private const string Victim = "opfer@beispiel.de";
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private Task<List<OutboxMessage>> MailsToVictimAsync() =>
        _site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == Victim).OrderBy(m => m.Id).ToListAsync());

    private async Task<HttpStatusCode> RequestNewLinkAsync()
    {
        var client = _site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen/neuer-link");
        return (await client.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = Victim })).StatusCode;
    }

    [Fact]
    public async Task EightApplicationsAndThreeRequests_ForOneAddress_MakeOneMailNowAndOneBundleLater()
    {
        for (var i = 0; i < 8; i++)
        {
            await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues(name: $"Verein {i}", email: Victim));
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, await RequestNewLinkAsync());
        }

        var mails = await MailsToVictimAsync();
        Assert.Equal(2, mails.Count);
        var bundle = mails[1];
        Assert.True(bundle.NextAttemptAt >= mails[0].CreatedAt.AddMinutes(15), "the bundle waits for the interval");
        Assert.Equal(8, bundle.TextBody.Split("/mitzeichnen/bestaetigen/").Length - 1);
    }

    [Fact]
    public async Task NewLinkRequests_InParallel_NeverAnswer500_AndQueueOneMail()
    {
        await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues(email: Victim));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => RequestNewLinkAsync()));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a));
        Assert.Equal(2, (await MailsToVictimAsync()).Count); // the first, and one bundle for later
    }

    [Fact]
    public async Task NamesChosenByTheApplicant_NeverBecomeLinks_InTheConfirmationMail()
    {
        var values = Applications.FormValues(name: "Gewinn auf www.falle.example/jetzt", email: Victim);
        values["Input.ContactName"] = "Klick https://falle.example";

        await _site.ApplyAsync(_site.CreatePlainClient(), values);

        // Read from the pickup folder: the sender forgets a mail's body in the database once it is out.
        var mail = Assert.Single(await _site.WaitForPickupMailsAsync(m => m.To.Mailboxes.Any(b => b.Address == Victim)));
        Assert.DoesNotContain("www.falle.example", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("https://falle.example", mail.TextBody, StringComparison.Ordinal);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody ?? "");
        Assert.DoesNotContain("falle.example", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(html.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("falle", StringComparison.Ordinal));
        Assert.Contains("falle", mail.TextBody); // still there for the reader, only not as an address
    }
}
