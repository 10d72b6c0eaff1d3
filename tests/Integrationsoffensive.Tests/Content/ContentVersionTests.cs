using Integrationsoffensive.Content;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Tests.Content;

/// <summary>
/// The content's version is part of every cached page's key and of the entity tags: the same files
/// must give the same version on every instance and after every restart, and any edit a new one.
/// </summary>
public sealed class ContentVersionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("integrationsoffensive-version-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Copy(string name)
    {
        var folder = Path.Combine(_root, name);
        RepositoryPaths.CopyDirectory(RepositoryPaths.TestContent, folder);
        return folder;
    }

    private static ContentStore Store(string folder) => new(
        Options.Create(new ContentOptions { Path = folder }),
        new Environment(folder),
        new MarkdownRenderer(new ContentVariables([])),
        NullLogger<ContentStore>.Instance);

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Integrationsoffensive";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    [Fact]
    public void SameFiles_WrittenAtOtherTimes_HaveTheSameVersion()
    {
        var first = Copy("eins");
        var second = Copy("zwei");
        foreach (var file in Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        using var one = Store(first);
        using var two = Store(second);
        Assert.Equal(one.Version(), two.Version());
    }

    [Fact]
    public async Task AnEdit_GivesANewVersion_AsSoonAsTheFileSystemSaysSo()
    {
        var folder = Copy("eins");
        using var store = Store(folder);
        var before = store.Version();

        await File.AppendAllTextAsync(Path.Combine(folder, "schlussaufruf.md"), "\nEin Satz mehr.\n");

        await Eventually.WaitForAsync(store.Version, version => version != before, _ => "the version did not change", ContentStore.VersionMaxAge + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Translations_AreFoundOnce_WhileTheContentStaysTheSame_AndAgainAfterAChange()
    {
        var folder = Copy("eins");
        using var store = Store(folder);
        var first = AppealLanguages.All(store);
        Assert.Contains(first, language => language.Route == "en");

        Assert.Same(first, AppealLanguages.All(store)); // no walk through the folders per request

        Directory.Move(Path.Combine(folder, "en"), Path.Combine(folder, "weg"));
        await Eventually.WaitForAsync(() => AppealLanguages.All(store), languages => !ReferenceEquals(languages, first),
            _ => "the translations were not looked up again", ContentStore.VersionMaxAge + TimeSpan.FromSeconds(1));
        Assert.Contains(AppealLanguages.All(store), language => language.Route == "en" && language.Folder == "weg");
    }
}
