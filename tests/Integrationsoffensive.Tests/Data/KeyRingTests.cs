using System.Net;
using Integrationsoffensive.Tests.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integrationsoffensive.Tests.Data;

/// <summary>The data-protection keys live in the database: what one start protected, the next reads (either provider).</summary>
public sealed class KeyRingTests
{
    [Fact]
    public void KeyRing_SurvivesARestart_OnTheSameDatabase()
    {
        string dataPath;
        string secret;
        using (var first = new SiteFactory { KeysInDatabase = true, DeleteOnDispose = false })
        {
            secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Test").Protect("Sitzung");
            dataPath = first.DataPath;
        }

        try
        {
            using var second = new SiteFactory { KeysInDatabase = true };
            second.WithSetting("DataDirectory", dataPath);

            Assert.Equal("Sitzung", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Test").Unprotect(secret));
            Assert.False(Directory.Exists(Path.Combine(dataPath, "keys")), "No key lies in the data directory any more.");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dataPath)!, recursive: true);
        }
    }

    [Fact]
    public async Task AFreshSite_MakesItsKeyAtTheFirstForm_NotAtStart_AndOneKeyWhenManyApplyAtOnce()
    {
        using var site = new SiteFactory { KeysInDatabase = true };

        // A reader's page needs no key: on SQLite the start does not make one (it is work on the way
        // to the first answer of a fresh site). On PostgreSQL, where instances share the keys, the
        // key ring is loaded at start as the framework does it (KeyRingOnFirstUse says why).
        var home = await site.CreateClientWithoutCookies().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(site.PostgresDatabase is null ? 0 : 1, await site.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));

        // Then sixteen organizations apply at once: each gets through, and they share one key.
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues(name: $"Verein Nummer {i}", email: $"verein{i}@beispiel.example"))));

        Assert.All(answers, answer => Assert.Equal("/mitzeichnen/danke", answer.Headers.Location?.OriginalString));
        Assert.Equal(1, await site.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
        Assert.Equal(16, await site.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    [Trait("Database", "Sqlite")] // the fault is a SQLite connection's; on PostgreSQL the key ring is loaded at start anyway
    public async Task AfterARestart_TheFirstPost_WhileTheDatabaseCannotBeOpened_GetsTheUnavailablePage_NotInvalidRequest()
    {
        string dataPath;
        var cookies = new CookieContainer();
        AngleSharp.Html.Dom.IHtmlDocument form;
        using (var first = new SiteFactory { KeysInDatabase = true, DeleteOnDispose = false })
        {
            (_, form) = await first.CreateDefaultClient(new Uri("https://localhost"), new SharedCookies(cookies)).GetPageAsync("/mitzeichnen");
            dataPath = first.DataPath;
        }

        try
        {
            // The restarted site serves its first request (the balancer's, without cookies, so no key
            // is needed yet), then its database can no longer be opened.
            using var second = new SqliteFaultSite { KeysInDatabase = true };
            second.WithSetting("DataDirectory", dataPath);
            Assert.Equal(HttpStatusCode.OK, (await second.CreateClientWithoutCookies().GetAsync("/healthz")).StatusCode);
            var client = second.CreateDefaultClient(new Uri("https://localhost"), new SharedCookies(cookies));
            second.Fault.RefuseOpen = true;
            second.Clock.Advance(TimeSpan.FromSeconds(20));

            var response = await client.SubmitAsync(form, "form.form", Applications.FormValues(email: "neu@beispiel.example"));

            // The form and its token were fine: the site's trouble, not the request's.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Vorübergehend nicht erreichbar", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);

            // Once the database is back, the same form goes through: nothing of it was used up.
            second.Fault.RefuseOpen = false;
            var again = await client.SubmitAsync(form, "form.form", Applications.FormValues(email: "neu@beispiel.example"));
            Assert.Equal("/mitzeichnen/danke", again.Headers.Location?.OriginalString);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dataPath)!, recursive: true);
        }
    }

    [Fact]
    [Trait("Database", "Sqlite")] // as above
    public async Task AfterARestart_WhileTheDatabaseCannotBeOpened_ASignedInModerator_GetsTheUnavailablePage_NotTheSignIn()
    {
        string dataPath;
        var cookies = new CookieContainer();
        using (var first = new SiteFactory { KeysInDatabase = true, DeleteOnDispose = false })
        {
            var moderator = await first.CreateModeratorAsync();
            await first.SignInAsync(moderator, first.CreateDefaultClient(new Uri("https://localhost"), new SharedCookies(cookies)));
            dataPath = first.DataPath;
        }

        try
        {
            using var second = new SqliteFaultSite { KeysInDatabase = true };
            second.WithSetting("DataDirectory", dataPath);
            Assert.Equal(HttpStatusCode.OK, (await second.CreateClientWithoutCookies().GetAsync("/healthz")).StatusCode);
            second.Fault.RefuseOpen = true;

            var client = second.CreateDefaultClient(new Uri("https://localhost"), new SharedCookies(cookies));
            var response = await client.GetAsync("/moderation");

            // Signed in all along: the site's trouble, not a signed-out moderator (whose sign-in form would fail next).
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var page = await response.ReadDocumentAsync();
            Assert.Equal("Vorübergehend nicht erreichbar", page.QuerySelector("h1")!.TextContent);
            // The page comes with its stylesheet, which needs neither a key nor the database.
            var stylesheet = await client.GetAsync(page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
            Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);

            second.Fault.RefuseOpen = false;
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/moderation")).StatusCode);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dataPath)!, recursive: true);
        }
    }

    [Theory]
    [Trait("Database", "Sqlite")] // as above
    [InlineData("/wp-login.php", HttpStatusCode.NotFound, null)]
    [InlineData("/mitzeichnen", HttpStatusCode.BadRequest, null)]
    [InlineData("/wp-login.php", HttpStatusCode.NotFound, "_ga=GA1.2.3; lb-sticky=instance-2")] // cookies of others on the domain
    [InlineData("/mitzeichnen", HttpStatusCode.BadRequest, "_ga=GA1.2.3; lb-sticky=instance-2")]
    public async Task WhileTheDatabaseCannotBeOpened_APostWithoutTheSitesCookies_IsAnsweredAsOnAHealthySite_AndNeedsNoKey(string path, HttpStatusCode expected, string? otherCookies)
    {
        using var site = new SqliteFaultSite { KeysInDatabase = true };
        var client = site.CreateClientWithoutCookies();
        if (otherCookies is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", otherCookies);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var form = new Dictionary<string, string> { ["log"] = "admin", ["pwd"] = "admin" };

        site.Fault.RefuseOpen = true;
        var whileDown = await client.PostAsync(path, new FormUrlEncodedContent(form));
        site.Fault.RefuseOpen = false;
        var healthy = await client.PostAsync(path, new FormUrlEncodedContent(form));

        // A scanner's or a bot's post brings no antiforgery cookie (at most cookies the site never
        // protected), so no key is read for it: the state of the database does not decide its
        // answer, and no key is made for it.
        Assert.Equal(expected, healthy.StatusCode);
        Assert.Equal(expected, whileDown.StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    [Fact]
    public async Task TestSites_LoadTheKeyRing_WhereProductionDoes()
    {
        using var site = new SiteFactory();
        await site.CreatePlainClient().GetAsync("/");

        var loadsAtStart = site.Services.GetServices<IHostedService>().Any(s => s.GetType().Name == "DataProtectionHostedService");

        Assert.Equal(site.PostgresDatabase is not null, loadsAtStart);
    }

    [Fact]
    public void KeyRing_FromAnOlderVersionsKeysFolder_IsTakenOverAtTheFirstStart()
    {
        using var site = new SiteFactory { KeysInDatabase = true };
        var keys = Directory.CreateDirectory(Path.Combine(site.DataPath, "keys"));
        var old = DataProtectionProvider.Create(keys, b => b.SetApplicationName("Integrationsoffensive"));
        var secret = old.CreateProtector("Test").Protect("Einladung von gestern");

        var read = site.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Test").Unprotect(secret);

        Assert.Equal("Einladung von gestern", read);
    }
}
