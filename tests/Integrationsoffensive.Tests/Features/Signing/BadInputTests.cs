using System.Net;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>Whatever a person or a bot types: a German message or stored safely, never a 500.</summary>
public sealed class BadInputTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    public static TheoryData<string, string, string> Rejected => new()
    {
        { "Input.OrganizationName", new string('x', 201), "höchstens 200 Zeichen" },
        { "Input.Place", new string('ö', 101), "höchstens 100 Zeichen" },
        { "Input.Statement", new string('a', 501), "höchstens 500 Zeichen" },
        { "Input.ContactName", new string('n', 151), "höchstens 150 Zeichen" },
        { "Input.Phone", new string('1', 51), "höchstens 50 Zeichen" },
        { "Input.Email", new string('e', 250) + "@x.de", "höchstens 254 Zeichen" },
        { "Input.Website", "javascript:alert(1)", "http:// oder https://" },
        { "Input.Website", "ftp://dateien.example.org", "http:// oder https://" },
        { "Input.Website", "data:text/html,<script>alert(1)</script>", "http:// oder https://" },
        { "Input.Email", "anna@example.org\r\nBcc: alle@example.org", "gültige E-Mail-Adresse" },
        { "Input.Email", "Anna <anna@example.org>", "gültige E-Mail-Adresse" },
        { "Input.Email", "anna@localhost", "gültige E-Mail-Adresse" },
        { "Input.OrganizationName", "   ", "Bitte geben Sie den Namen der Organisation an." },
        { "Input.OrganizationName", "\u202E\u2066", "Bitte geben Sie den Namen der Organisation an." },
        { "Input.OrganizationType", "gibt-es-nicht", "aus der Liste" },
        { "Input.Region", "<script>", "aus der Liste" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Post_BadValue_GetsAGermanMessageNextToTheField(string field, string value, string message)
    {
        var values = Applications.FormValues(name: "Prüfverein " + Guid.NewGuid());
        values[field] = value;

        var response = await site.ApplyAsync(site.CreatePlainClient(), values);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = field.Replace('.', '_');
        Assert.Contains(message, page.GetElementById(id + "-fehler")?.Text() ?? "(no error next to the field)");
        Assert.Contains(page.QuerySelectorAll(".error-summary a"), a => a.GetAttribute("href") == "#" + id);
    }

    public static TheoryData<string, string, string> Stored => new()
    {
        { "Input.OrganizationName", "<script>alert(\"x\")</script> e. V.", "<script>alert(\"x\")</script> e. V." },
        { "Input.OrganizationName", "Verein\r\nBcc: alle@example.org", "Verein Bcc: alle@example.org" },
        { "Input.OrganizationName", "Verein\u202Egnuztütsretnu", "Vereingnuztütsretnu" },
        { "Input.OrganizationName", "Café \u0007Zuflucht 🌍\u001B", "Café Zuflucht 🌍" },
        { "Input.OrganizationName", "Cafe\u0301 Zuflucht", "Café Zuflucht" },
        { "Input.Place", "  Groß-\tGerau  ", "Groß- Gerau" },
        { "Input.Statement", "Zeile eins\r\n\r\n\r\n\r\nZeile zwei 👍", "Zeile eins\n\nZeile zwei 👍" },
        { "Input.Website", "www.beispiel.de", "https://www.beispiel.de/" },
        { "Input.Website", "https://example.org/\"><script>", "https://example.org/%22%3E%3Cscript%3E" },
        { "Input.Website", "HTTPS://Beispiel.DE/Über uns", "https://beispiel.de/%C3%9Cber%20uns" },
        { "Input.ContactName", "Ünal Öztürk-Müller", "Ünal Öztürk-Müller" },
    };

    [Theory]
    [MemberData(nameof(Stored))]
    public async Task Post_UnusualButAcceptableValue_IsStoredCleaned(string field, string value, string expected)
    {
        var email = $"t{Guid.NewGuid():N}@beispiel.de";
        var values = Applications.FormValues(email: email);
        values[field] = value;

        var response = await site.ApplyAsync(site.CreatePlainClient(), values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await site.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Email == email));
        var stored = field switch
        {
            "Input.OrganizationName" => application.OrganizationName,
            "Input.Place" => application.Place,
            "Input.Statement" => application.Statement,
            "Input.Website" => application.Website,
            "Input.ContactName" => application.ContactName,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task Post_NullByte_IsRefusedByTheFrameworkWithTheGerman400Page_NotA500()
    {
        // ASP.NET Core rejects a form containing U+0000 before any of our code runs. No person can
        // type it; the answer is the German error page and nothing is stored.
        // (That is the URL-encoded form reader; the form itself posts multipart since it takes a logo.)
        var email = $"t{Guid.NewGuid():N}@beispiel.de";
        var values = Applications.FormValues(name: "Verein\u0000Zuflucht", email: email);
        var client = site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen");
        form.QuerySelector("form.form")!.RemoveAttribute("enctype");
        site.Clock.Advance(TimeSpan.FromSeconds(20));

        var response = await client.SubmitAsync(form, "form.form", values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Die Anfrage war ungültig", (await response.ReadDocumentAsync()).QuerySelector("h1")!.Text());
        Assert.False(await site.WithDbAsync(db => db.Applications.AnyAsync(a => a.Email == email)));
    }

    [Fact]
    public async Task Post_NullByte_InTheMultipartForm_IsCleanedOut_BeforeAnythingIsStored()
    {
        // The multipart reader lets U+0000 through; TextInput removes it like every control character.
        var email = $"t{Guid.NewGuid():N}@beispiel.de";

        var response = await site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues(name: "Verein\u0000Zuflucht", email: email));

        Assert.Equal("/mitzeichnen/danke", response.Headers.Location!.OriginalString);
        Assert.Equal("VereinZuflucht", await site.WithDbAsync(db => db.Applications.Where(a => a.Email == email).Select(a => a.OrganizationName).SingleAsync()));
    }

    [Fact]
    public async Task HostileName_IsShownEscapedOnTheConfirmationPage()
    {
        var email = $"t{Guid.NewGuid():N}@beispiel.de";
        var values = Applications.FormValues(name: "<img src=x onerror=alert(1)>", email: email);
        await site.ApplyAsync(site.CreatePlainClient(), values);
        // Read from the pickup folder: the sender forgets a mail's body in the database once it is out.
        var mail = (await site.WaitForPickupMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == email))).Single();

        var (_, page) = await site.CreatePlainClient().GetPageAsync(SigningSteps.LinkIn(mail.TextBody, "/mitzeichnen/bestaetigen/"));

        Assert.Empty(page.QuerySelectorAll("main img"));
        Assert.Contains("„<img src=x onerror=alert(1)>“", page.QuerySelector("main .lead")!.Text());
        Assert.Contains("&lt;img", mail.HtmlBody);
        Assert.DoesNotContain("<img", mail.HtmlBody);
    }

    [Fact]
    public async Task Post_GarbageFormBody_NeverAnswers500()
    {
        var client = site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen");
        site.Clock.Advance(TimeSpan.FromSeconds(20));

        var response = await client.SubmitAsync(form, "form.form", new Dictionary<string, string?>
        {
            ["Input.Consent"] = "vielleicht",
            ["Input.Authorized"] = "ja",
            ["Started"] = "gefälscht",
            ["Input.OrganizationName"] = new string('ä', 100_000),
        });

        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
    }
}
