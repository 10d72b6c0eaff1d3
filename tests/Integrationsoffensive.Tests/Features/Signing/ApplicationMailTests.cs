using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using MimeKit;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>What the mails to organizations say: what will be published, where their entry is, who writes.</summary>
public sealed class ApplicationMailTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private SiteFactory WithContact() => _site
        .WithSetting("Email:Contact:Name", "Miriam Beispiel")
        .WithSetting("Email:Contact:Role", "Koordination des Aufrufs")
        .WithSetting("Email:Contact:Address", "kontakt@aufruf.example")
        .WithSetting("Email:Contact:Phone", "069 123456");

    private async Task<MimeMessage> MailAsync(string subject, string to) =>
        (await _site.WaitForPickupMailsAsync(m => m.Subject == subject && m.To.Mailboxes.Any(b => b.Address == to))).Single();

    [Fact]
    public async Task ConfirmationMail_ListsWhatWillBePublished_WithAButton_AndTheTextPartFirst()
    {
        var values = Applications.FormValues(name: "Café Asyl Wetzlar", email: "info@cafe.example");
        values["Input.Website"] = "https://www.cafe-asyl.example/";
        values["Input.Statement"] = "Weil Ankommen Zeit braucht.";
        await WithContact().ApplyAsync(_site.CreatePlainClient(), values);

        var mail = await MailAsync(ApplicationMails.ConfirmSubject, "info@cafe.example");

        var text = mail.TextBody!.Replace("\u200B", "", StringComparison.Ordinal);
        Assert.Contains("Diese Angaben veröffentlichen wir nach der Prüfung:\n\nName: Café Asyl Wetzlar\nArt: Flüchtlingsinitiative / Beratungsstelle\n"
            + "Ort: Musterstadt\nRegion: Landkreis Gießen\nWebsite: https://www.cafe-asyl.example/\nKurzbegründung: Weil Ankommen Zeit braucht.", text);
        Assert.Contains("Ist etwas falsch geschrieben? Dann antworten Sie bitte auf diese E-Mail oder schreiben Sie an kontakt@aufruf.example", text);
        Assert.DoesNotContain("https://www.cafe-asyl.example/", mail.TextBody, StringComparison.Ordinal); // typed by a stranger: never a link
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody!);
        var button = html.QuerySelector("table[role=presentation] a")!;
        Assert.Equal("Mitzeichnung bestätigen", button.TextContent);
        Assert.Contains("/mitzeichnen/bestaetigen/", button.GetAttribute("href"));
        Assert.Contains("padding", button.GetAttribute("style"));
    }

    [Fact]
    public async Task PublicationMail_LinksTheOwnEntry_SuggestsSharingAndTheCounter_AndTheContactSigns()
    {
        var application = await WithContact().ConfirmedAsync();
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, detail) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");
        await client.SubmitAsync(detail, "form[action*='handler=Decide']", new Dictionary<string, string?> { ["Input.Decision"] = "freigeben" });

        var mail = await MailAsync(ApplicationMails.PublishedSubject, "kontakt@fluechtlingshilfe.example");

        var entry = $"{SiteFactory.PublicBaseUrl}/unterzeichnende?sortierung=neu#org-{application.Id}";
        Assert.Contains("Ihren Eintrag ansehen:\n" + entry + "\n", mail.TextBody);
        Assert.Contains("Zähler einbetten:\n" + SiteFactory.PublicBaseUrl + "/einbetten\n", mail.TextBody);
        Assert.Contains("Erzählen Sie Ihren Mitgliedern", mail.TextBody);
        Assert.Contains("Mit freundlichen Grüßen\nMiriam Beispiel, Koordination des Aufrufs\nfür das Team des Aufrufs für eine Integrationsoffensive\nkontakt@aufruf.example · 069 123456", mail.TextBody);
        Assert.Equal(entry, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody!).QuerySelector("table[role=presentation] a")!.GetAttribute("href"));
        var (_, list) = await _site.CreatePlainClient().GetPageAsync(entry[SiteFactory.PublicBaseUrl.Length..]);
        Assert.Equal("Flüchtlingshilfe Musterstadt\u00a0e.\u00a0V.", list.GetElementById($"org-{application.Id}")!.TextContent);
    }

    [Fact]
    public async Task WithoutAConfiguredContact_TheTeamSigns()
    {
        await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues(email: "team@verein.example"));

        var mail = await MailAsync(ApplicationMails.ConfirmSubject, "team@verein.example");

        Assert.EndsWith("Mit freundlichen Grüßen\n" + MailSignature.Team + "\n", mail.TextBody);
        Assert.Contains("Dann antworten Sie bitte auf diese E-Mail:", mail.TextBody);
    }
}
