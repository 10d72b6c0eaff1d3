using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
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
