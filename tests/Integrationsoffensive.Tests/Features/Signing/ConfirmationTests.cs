using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>From the form to a confirmed application, with every mail going through a real SMTP server.</summary>
public sealed class ConfirmationTests : IDisposable
{
    private const string Email = "kontakt@fluechtlingshilfe.example";
    private readonly SmtpSiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<MimeMessage> ApplyAndReadConfirmationMailAsync()
    {
        await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues());
        return (await _site.Smtp.WaitForAsync(m => m.Subject == ApplicationMails.ConfirmSubject)).Single();
    }

    private Task<Application> ApplicationAsync() =>
        _site.WithDbAsync(db => db.Applications.Include(a => a.History).AsNoTracking().SingleAsync());

    [Fact]
    public async Task Apply_SendsAGermanConfirmationMail_InTextAndHtml_WithLinksToThePublicSite()
    {
        var mail = await ApplyAndReadConfirmationMailAsync();

        Assert.Equal(Email, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("aufruf@aufruf.example", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("kontakt@aufruf.example", Assert.Single(mail.ReplyTo.Mailboxes).Address);
        Assert.Contains("Guten Tag Anna Beispiel,", mail.TextBody);
        Assert.Contains("innerhalb von 7 Tagen", mail.TextBody);
        Assert.StartsWith("/mitzeichnen/bestaetigen/", SigningSteps.LinkIn(mail.TextBody, "/mitzeichnen/bestaetigen/"));
        Assert.StartsWith("/mitzeichnen/zurueckziehen/", SigningSteps.LinkIn(mail.TextBody, "/mitzeichnen/zurueckziehen/"));
        Assert.Contains("<a href=\"https://aufruf.example/mitzeichnen/bestaetigen/", mail.HtmlBody);
    }

    [Fact]
    public async Task ConfirmLink_Get_ShowsAButton_ButChangesNothing()
    {
        var link = SigningSteps.LinkIn((await ApplyAndReadConfirmationMailAsync()).TextBody, "/mitzeichnen/bestaetigen/");

        var (response, page) = await _site.CreatePlainClient().GetPageAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ja, Mitzeichnung bestätigen", page.QuerySelector("main form[method=post] button")!.Text());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationAsync()).Status);
    }

    [Fact]
    public async Task ConfirmLink_Post_Confirms_SendsReceiptAndModeratorNotification_AndReplayShowsTheSamePage()
    {
        var link = SigningSteps.LinkIn((await ApplyAndReadConfirmationMailAsync()).TextBody, "/mitzeichnen/bestaetigen/");
        var client = _site.CreatePlainClient();
        var (_, page) = await client.GetPageAsync(link);

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string?>());

        Assert.Equal("/mitzeichnen/bestaetigt", response.Headers.Location!.OriginalString);
        var application = await ApplicationAsync();
        Assert.Equal(ApplicationStatus.Confirmed, application.Status);
        Assert.Equal(_site.Clock.GetUtcNow().UtcDateTime, application.ConfirmedAt);
        Assert.Contains(application.History, e => e.Action == AuditAction.Confirmed && e.Actor == AuditActors.Applicant);
        var receipt = (await _site.Smtp.WaitForAsync(m => m.Subject == ApplicationMails.ReceiptSubject)).Single();
        Assert.Equal(Email, receipt.To.Mailboxes.Single().Address);
        Assert.Contains("/mitzeichnen/zurueckziehen/", receipt.TextBody);
        var notice = (await _site.Smtp.WaitForAsync(m => m.Subject == ApplicationMails.ModeratorSubject)).Single();
        Assert.Equal("moderation@aufruf.example", notice.To.Mailboxes.Single().Address);
        Assert.DoesNotContain(Email, notice.TextBody);

        var replay = await client.SubmitAsync(page, "main form", new Dictionary<string, string?>());
        Assert.Equal("/mitzeichnen/bestaetigt", replay.Headers.Location!.OriginalString);
        Assert.Equal(1, await _site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject == ApplicationMails.ReceiptSubject)));
        Assert.Equal("/mitzeichnen/bestaetigt", (await client.GetAsync(link)).Headers.Location!.OriginalString);
        var (_, confirmedPage) = await client.GetPageAsync("/mitzeichnen/bestaetigt");
        Assert.Equal("Vielen Dank, Ihre Mitzeichnung ist bestätigt", confirmedPage.QuerySelector("h1")!.Text());
        Assert.Single(_site.Smtp.Messages, m => m.Subject == ApplicationMails.ReceiptSubject);
    }

    [Fact]
    public async Task ConfirmLink_ClickedTwiceAtOnce_ShowsTheSuccessPageTwice_AndConfirmsOnce()
    {
        var link = SigningSteps.LinkIn((await ApplyAndReadConfirmationMailAsync()).TextBody, "/mitzeichnen/bestaetigen/");
        var client = _site.CreatePlainClient();
        var (_, page) = await client.GetPageAsync(link);

        var responses = await Task.WhenAll(
            client.SubmitAsync(page, "main form", new Dictionary<string, string?>()),
            client.SubmitAsync(page, "main form", new Dictionary<string, string?>()));

        Assert.All(responses, r => Assert.Equal("/mitzeichnen/bestaetigt", r.Headers.Location?.OriginalString));
        Assert.Single((await ApplicationAsync()).History, e => e.Action == AuditAction.Confirmed);
    }

    [Fact]
    public async Task SentMail_LeavesNoWorkingLinkInTheDatabase()
    {
        var mail = await ApplyAndReadConfirmationMailAsync();
        var token = SigningSteps.LinkIn(mail.TextBody, "/mitzeichnen/bestaetigen/").Split('/').Last();
        // The sender marks the row just after the server accepted the mail.
        await Eventually.UntilAsync(() => _site.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.SentAt != null)), "every mail marked as sent");

        var rows = await _site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(rows, m => Assert.DoesNotContain(token, m.TextBody + m.HtmlBody));
        Assert.All(rows, m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task ConfirmLink_AfterSevenDays_HasExpired_AndOffersANewLink()
    {
        var link = SigningSteps.LinkIn((await ApplyAndReadConfirmationMailAsync()).TextBody, "/mitzeichnen/bestaetigen/");
        var client = _site.CreatePlainClient();
        var (_, page) = await client.GetPageAsync(link);

        _site.Clock.Advance(TimeSpan.FromDays(7));
        var (expired, expiredPage) = await client.GetPageAsync(link);
        var post = await client.SubmitAsync(page, "main form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("abgelaufen", expiredPage.QuerySelector("main")!.Text());
        Assert.NotNull(expiredPage.QuerySelector("main a[href='/mitzeichnen/neuer-link']"));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationAsync()).Status);
    }

    [Fact]
    public async Task ConfirmLink_Unknown_Answers404WithAGermanExplanation()
    {
        var (response, page) = await _site.CreatePlainClient().GetPageAsync("/mitzeichnen/bestaetigen/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Dieser Link funktioniert nicht mehr", page.QuerySelector("h1")!.Text());
    }

    [Theory]
    [InlineData("a@b")]
    [InlineData("Erika <erika@beispiel.de>")]
    [InlineData("a@beispiel.de, b@beispiel.de")]
    public async Task NewLink_ForAnAddressThatCannotBeOne_SaysSo_InsteadOfPromisingAMail(string typed)
    {
        // A mistyped address would otherwise wait for a mail that never comes. Saying that it is
        // malformed tells nothing about which addresses have applied.
        var client = _site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen/neuer-link");

        var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = typed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(typed, ((AngleSharp.Html.Dom.IHtmlInputElement)page.GetElementById("Input_Email")!).Value);
    }

    [Fact]
    public async Task NewLink_AnswersTheSameForKnownAndUnknownAddresses_AndOnlyMailsTheKnownOne()
    {
        await ApplyAndReadConfirmationMailAsync();
        var client = _site.CreatePlainClient();

        async Task<string> RequestAsync(string email)
        {
            var (_, form) = await client.GetPageAsync("/mitzeichnen/neuer-link");
            var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = email });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var (_, page) = await client.GetPageAsync(response.Headers.Location!.OriginalString);
            return page.QuerySelector("main")!.Text();
        }

        var unknown = await RequestAsync("niemand@unbekannt.example");
        var known = await RequestAsync(Email.ToUpperInvariant());

        Assert.Equal(unknown, known);
        Assert.Contains("Wenn zu dieser Adresse eine unbestätigte Mitzeichnung gehört", known);
        _site.Clock.Advance(TimeSpan.FromMinutes(15)); // one confirmation mail per address and interval
        var mails = await _site.Smtp.WaitForAsync(m => m.Subject == ApplicationMails.ConfirmSubject, count: 2);
        Assert.All(mails, m => Assert.Equal(Email, m.To.Mailboxes.Single().Address));
        Assert.DoesNotContain(_site.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "niemand@unbekannt.example"));
        var fresh = SigningSteps.LinkIn(mails[1].TextBody, "/mitzeichnen/bestaetigen/");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task ContactNameWithLineBreaks_CannotAddHeadersToTheMail()
    {
        var values = Applications.FormValues();
        values["Input.ContactName"] = "Anna\r\nBcc: alle@example.org\r\nSubject: Gewonnen";

        await _site.ApplyAsync(_site.CreatePlainClient(), values);

        var mail = (await _site.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == Email))).Single();
        Assert.Equal(ApplicationMails.ConfirmSubject, mail.Subject);
        Assert.Empty(mail.Bcc);
        Assert.Single(mail.To);
        Assert.Null(mail.Headers[HeaderId.Bcc]);
    }
}
