using System.Net;
using Integrationsoffensive.Cli;
using Integrationsoffensive.Tests.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Cli;

/// <summary>backup and restore on SQLite: a backup taken while the site takes applications restores to a working site.</summary>
[Trait("Database", "Sqlite")]
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("integrationsoffensive-backup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output)> RunAsync(SiteFactory site, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await HostCommands.RunAsync(site.Services, args, output);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Backup_WhileApplicationsArrive_RestoresToASiteThatListsAndSignsIn()
    {
        var backup = Path.Combine(_folder, "sicherung.db");
        using var live = new SiteFactory { KeysInDatabase = true }; // the key ring goes into the backup too
        var moderator = await live.CreateModeratorAsync();
        await live.PublishedAsync(Applications.Details(name: "Caritas Hessen", email: "a@caritas.example"));
        await live.PublishedAsync(Applications.Details(name: "Arbeiterwohlfahrt Hessen", email: "b@awo.example"));

        var arriving = Enumerable.Range(1, 24).Select(i => Task.Run(() =>
            live.ApplyAsync(live.CreatePlainClient(), Applications.FormValues(name: $"Initiative Nummer {i}", email: $"i{i}@initiative.example")))).ToList();
        await Task.Delay(50);
        var (exit, output) = await RunAsync(live, "backup", backup);
        var answers = await Task.WhenAll(arriving);

        Assert.True(exit == 0, output);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Equal(0, (await RunAsync(live, "backup", backup)).Exit is 1 ? 0 : 1); // never overwrites a backup

        string restoredData;
        using (var stopped = new SiteFactory { DeleteOnDispose = false })
        {
            Assert.Equal(0, (await RunAsync(stopped, "restore", backup)).Exit);
            restoredData = stopped.DataPath;
        }

        using var restored = new SiteFactory { KeysInDatabase = true };
        restored.WithSetting("DataDirectory", restoredData);
        restored.Clock.SetUtcNow(live.Clock.GetUtcNow()); // the moderator's app follows the same time
        var (_, list) = await restored.CreatePlainClient().GetPageAsync("/unterzeichnende");
        Assert.Contains("Caritas Hessen", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Arbeiterwohlfahrt Hessen", list.Body.TextContent, StringComparison.Ordinal);
        var signedIn = await restored.SignInAsync(moderator);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/moderation")).StatusCode);
        var applications = await restored.WithDbAsync(db => db.Applications.CountAsync());
        Assert.InRange(applications, 2, 26);
        Assert.Equal(["ok"], await restored.WithDbAsync(db => db.Database.SqlQuery<string>($"PRAGMA integrity_check").ToListAsync()));
        Directory.Delete(Path.GetDirectoryName(restoredData)!, recursive: true);
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNoBackup_ChangesNothing_AndSaysSo()
    {
        var file = Path.Combine(_folder, "kein-backup.db");
        await File.WriteAllTextAsync(file, "Hallo");
        using var site = new SiteFactory();
        await site.PublishedAsync(Applications.Details(name: "Diakonie Hessen"));

        var (exit, output) = await RunAsync(site, "restore", file);

        Assert.Equal(1, exit);
        Assert.Contains("ist keine Sicherung dieser Seite", output, StringComparison.Ordinal);
        Assert.Equal(1, await site.WithDbAsync(db => db.Applications.CountAsync()));
    }
}
