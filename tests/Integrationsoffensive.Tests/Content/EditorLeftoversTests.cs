using System.Net;
using Integrationsoffensive.Content;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Content;

/// <summary>
/// Editors work in content/ on the running site. What their tools leave there for a while must not
/// take the site down: Emacs marks a file it edits with a lock, a symbolic link to nowhere named
/// „.#aufruf.md“; a link to a file someone moved away looks the same.
/// </summary>
public sealed class EditorLeftoversTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    [Trait("Database", "Sqlite")] // a process of its own, on SQLite whichever suite runs
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AFolderAndAFileTheSiteMayNotRead_AreLeftOut_TheSiteStartsAndServes_AndSaysWhatItLeftOut()
    {
        // An editor copied a draft folder and a note in as another user, readable only by them.
        await WithContentTheSiteMayNotReadAsync(
            content =>
            {
                var drafts = Directory.CreateDirectory(Path.Combine(content, "entwurf")).FullName;
                File.WriteAllText(Path.Combine(drafts, "aufruf.md"), "# Entwurf");
                File.WriteAllText(Path.Combine(content, "notiz.md"), "[Platzhalter: Notiz]");
                File.SetUnixFileMode(drafts, UnixFileMode.None);
                return Path.Combine(content, "notiz.md");
            },
            async (site, client, _) =>
            {
                var (response, page) = await client.GetPageAsync("/");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}\n{site.Output}");
                Assert.Equal("Aufruf für eine Integrationsoffensive", page.QuerySelector("h1")!.Text());
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/unterzeichnende")).StatusCode);
                var leftOut = site.Output.Split('\n').Single(line => line.Contains("may not read", StringComparison.Ordinal));
                Assert.Contains("entwurf/, notiz.md", leftOut, StringComparison.Ordinal);
            });
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task APageTheSiteMayNotRead_IsShown_AsSoonAsTheEditorLetsItRead_WithoutARestart()
    {
        // The editor notices the missing page and fixes the permissions; the file itself is unchanged.
        await WithContentTheSiteMayNotReadAsync(
            content =>
            {
                var press = Path.Combine(content, "seiten", "presse.md");
                File.WriteAllText(press, "---\ntitle: Presse\ndescription: Für Redaktionen.\n---\n\nPressekontakt der Kampagne.\n");
                return press;
            },
            async (site, client, press) =>
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/presse")).StatusCode);

                File.SetUnixFileMode(press, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                var (response, page) = await Eventually.WaitForAsync(
                    () => client.GetPageAsync("/presse"),
                    answer => answer.Response.StatusCode == HttpStatusCode.OK,
                    answer => $"/presse still answers {(int)answer.Response.StatusCode} after the chmod\n{site.Output}");
                Assert.Equal("Presse", page.QuerySelector("h1")!.Text());
                Assert.Contains("Pressekontakt der Kampagne.", page.QuerySelector("main")!.Text(), StringComparison.Ordinal);
            });
    }

    // Starts the site as a process that, unlike the tests when they run as root, is refused what
    // it may not read. `prepare` adds to a copy of the test content and names the file to take all
    // permissions from; `check` gets the running site, a client for it and that file.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static async Task WithContentTheSiteMayNotReadAsync(Func<string, string> prepare, Func<SiteProcess, HttpClient, string, Task> check)
    {
        var root = Directory.CreateTempSubdirectory("integrationsoffensive-leftovers-").FullName;
        try
        {
            var content = Path.Combine(root, "content");
            RepositoryPaths.CopyDirectory(RepositoryPaths.TestContent, content);
            var unreadable = prepare(content);
            File.SetUnixFileMode(unreadable, UnixFileMode.None);

            // The check itself must be able to fail: the site's process really may not read it.
            var probe = await AppProcess.CanReadUnprivilegedAsync(unreadable);
            Assert.False(probe, "the site's process could read a file without permissions: this environment cannot take root's file override away");

            await using var site = await SiteProcess.StartAsync(Path.Combine(root, "data"), new Dictionary<string, string>
            {
                ["Content__Path"] = content,
            }, unprivileged: true);
            using var client = new HttpClient { BaseAddress = site.BaseAddress };
            await check(site, client, unreadable);
        }
        finally
        {
            foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 }))
            {
                entry.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            }

            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task EditorsLockFiles_AndFolderLinksThatLoop_LeaveEveryPageAsItWas_WithoutAnError()
    {
        var client = _site.CreatePlainClient();
        var before = await client.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, before.Response.StatusCode);
        var store = _site.Services.GetRequiredService<ContentStore>();
        var version = store.Version();

        File.CreateSymbolicLink(Path.Combine(_site.ContentPath, ".#aufruf.md"), "anna@redaktion.12345:1764000000");
        File.CreateSymbolicLink(Path.Combine(_site.ContentPath, "forderungen", ".#2.md"), "anna@redaktion.12345:1764000000");
        File.CreateSymbolicLink(Path.Combine(_site.ContentPath, "seiten", ".#impressum.md"), "anna@redaktion.12345:1764000000");
        Directory.CreateSymbolicLink(Path.Combine(_site.ContentPath, "schleife"), ".");
        Directory.CreateSymbolicLink(Path.Combine(_site.ContentPath, "seiten", "zurueck"), "..");
        File.WriteAllText(Path.Combine(_site.ContentPath, "notiz.txt"), "Bis Freitag fertig."); // a change: the fingerprint is taken again

        // Taking the fingerprint again (on requests) ends soon: two links that loop would make 2^40 folders.
        await Eventually.WaitForAsync(
            () => Task.Run(store.Version).WaitAsync(TimeSpan.FromSeconds(20)),
            current => current != version,
            current => "the content's fingerprint did not change");

        foreach (var path in new[] { "/", "/unterzeichnende", "/mitzeichnen", "/impressum" })
        {
            var (response, page) = await client.GetPageAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.NotNull(page.QuerySelector("h1"));
        }

        var (_, appeal) = await client.GetPageAsync("/");
        Assert.Equal(
            before.Document.QuerySelectorAll("h1, main h2, main h3").Select(h => h.Text()),
            appeal.QuerySelectorAll("h1, main h2, main h3").Select(h => h.Text()));
        Assert.DoesNotContain(".#", await client.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain(_site.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }
}
