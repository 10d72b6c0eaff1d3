using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>An organization that signed withdraws with the link from its mail; mails go to the pickup folder.</summary>
public sealed class WithdrawalTests : IDisposable
{
    private const string Name = "Initiative Zuflucht Gießen";
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>Applies, confirms through the mailed link and gets published; returns the withdrawal link.</summary>
    private async Task<string> PublishedWithWithdrawalLinkAsync()
    {
        var client = _site.CreatePlainClient();
        await _site.ApplyAsync(client, Applications.FormValues(name: Name));
        var confirmMail = (await _site.WaitForPickupMailsAsync(m => m.Subject == ApplicationMails.ConfirmSubject)).Single();
        var (_, confirmPage) = await client.GetPageAsync(SigningSteps.LinkIn(confirmMail.TextBody, "/mitzeichnen/bestaetigen/"));
        await client.SubmitAsync(confirmPage, "main form", new Dictionary<string, string?>());
        await _site.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync();
            application.Publish("moderation@aufruf.example", _site.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        var receipt = (await _site.WaitForPickupMailsAsync(m => m.Subject == ApplicationMails.ReceiptSubject)).Single();
        return SigningSteps.LinkIn(receipt.TextBody, "/mitzeichnen/zurueckziehen/");
    }

    [Fact]
    public async Task Withdraw_RemovesTheEntryFromTheHomePageAtOnce_AndDeletesContactDataAndMails()
    {
        var link = await PublishedWithWithdrawalLinkAsync();
        var client = _site.CreatePlainClient();
        var (_, before) = await client.GetPageAsync("/");
        Assert.Contains(Name, before.GetElementById("neu-mitgezeichnet")!.Text());

        var (getResponse, page) = await client.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, getResponse.StatusCode);
        Assert.Contains(Name, page.QuerySelector("main .lead")!.Text());
        var (_, stillThere) = await client.GetPageAsync("/");
        Assert.Contains(Name, stillThere.QuerySelector("main")!.Text());

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string?>());

        Assert.Equal("/mitzeichnen/zurueckgezogen", response.Headers.Location!.OriginalString);
        var (_, after) = await client.GetPageAsync("/");
        Assert.DoesNotContain(Name, after.Body!.TextContent);
        var application = await _site.WithDbAsync(db => db.Applications.Include(a => a.History).AsNoTracking().SingleAsync());
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Null(application.Email);
        Assert.Null(application.ContactName);
        Assert.Null(application.Phone);
        Assert.NotNull(application.ContactDataPurgedAt);
        Assert.Contains(application.History, e => e.Action == AuditAction.Withdrawn);
        Assert.Equal(0, await _site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "kontakt@fluechtlingshilfe.example")));
    }

    [Fact]
    public async Task Withdraw_Twice_ShowsTheSamePage()
    {
        var link = await PublishedWithWithdrawalLinkAsync();
        var client = _site.CreatePlainClient();
        var (_, page) = await client.GetPageAsync(link);
        await client.SubmitAsync(page, "main form", new Dictionary<string, string?>());

        var again = await client.SubmitAsync(page, "main form", new Dictionary<string, string?>());
        var get = await client.GetAsync(link);

        Assert.Equal("/mitzeichnen/zurueckgezogen", again.Headers.Location!.OriginalString);
        Assert.Equal("/mitzeichnen/zurueckgezogen", get.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task WithdrawLink_Unknown_Answers404WithAGermanExplanation()
    {
        var (response, page) = await _site.CreatePlainClient().GetPageAsync("/mitzeichnen/zurueckziehen/unbekannt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Dieser Link funktioniert nicht mehr", page.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task WholeJourney_LeavesNoAddressNameOrTokenInTheLog()
    {
        var link = await PublishedWithWithdrawalLinkAsync();
        var client = _site.CreatePlainClient();
        var (_, page) = await client.GetPageAsync(link);
        await client.SubmitAsync(page, "main form", new Dictionary<string, string?>());
        await _site.Logs.WaitForAsync(e => e.Message.Contains("/mitzeichnen/zurueckziehen/{token}", StringComparison.Ordinal) && e.Message.Contains("POST", StringComparison.Ordinal));

        var token = link.Split('/').Last();
        var everything = string.Join("\n", _site.Logs.Events.Select(e =>
            e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Properties.Values) + " " + e.Exception));
        Assert.DoesNotContain("kontakt@fluechtlingshilfe.example", everything);
        Assert.DoesNotContain("Anna Beispiel", everything);
        Assert.DoesNotContain(token, everything);
        Assert.DoesNotContain("0641 123456", everything);
    }
}
