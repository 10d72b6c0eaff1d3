using Integrationsoffensive.Tests.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

        // A reader's page needs no key: the start does not make one (it is work on the way to the
        // first answer of a fresh site).
        var home = await site.CreateClientWithoutCookies().GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));

        // Then sixteen organizations apply at once: each gets through, and they share one key.
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            site.ApplyAsync(site.CreatePlainClient(), Applications.FormValues(name: $"Verein Nummer {i}", email: $"verein{i}@beispiel.example"))));

        Assert.All(answers, answer => Assert.Equal("/mitzeichnen/danke", answer.Headers.Location?.OriginalString));
        Assert.Equal(1, await site.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
        Assert.Equal(16, await site.WithDbAsync(db => db.Applications.CountAsync()));
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
