using System.Collections.Concurrent;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using YamlDotNet.Core;

namespace Integrationsoffensive.Content;

/// <summary>
/// The files in content/, parsed once and kept in memory. Every read compares the file's time
/// stamp and size with the cached version (a cheap stat call), so an edit shows on the very next
/// request without a restart. A file that fails to read or parse keeps its last good version
/// online and logs one error naming the file.
/// </summary>
public sealed partial class ContentStore(
    IOptions<ContentOptions> options,
    IHostEnvironment environment,
    MarkdownRenderer renderer,
    ILogger<ContentStore> logger) : IDisposable
{
    public const string PlaceholderMarker = "[Platzhalter:";

    /// <summary>Static pages: content/seiten/{slug}.md is served at /{slug}.</summary>
    public const string PagesFolder = "seiten";

    /// <summary>How long the content version is trusted without a word from the file-system watcher.</summary>
    public static readonly TimeSpan VersionMaxAge = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, CachedFile> _cache = new(StringComparer.Ordinal);
    private volatile VersionStamp? _version;
    private FileSystemWatcher? _watcher;

    // Elapsed time only: the real clock, also when tests replace the site's clock.
    private static TimeProvider Clock => TimeProvider.System;
    private readonly ConcurrentDictionary<string, (FileStamp Stamp, byte[] Hash)> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Version, object Value)> _derived = new(StringComparer.Ordinal);

    public string RootPath { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));

    /// <summary>A Markdown document with front matter, e.g. "aufruf.md"; null if it never loaded.</summary>
    public ContentDocument<T>? Document<T>(string relativePath) where T : IFrontMatter, new() =>
        Load(relativePath, renderer.Render<T>);

    /// <summary>A YAML data file, e.g. "erstunterzeichnende.yml"; null if it never loaded.</summary>
    public T? Data<T>(string relativePath) where T : class => Load(relativePath, renderer.ParseData<T>);

    /// <summary>The Markdown files of a folder, as paths relative to the content root.</summary>
    public IEnumerable<string> DocumentsIn(string folder)
    {
        var directory = Path.Combine(RootPath, folder);
        return Directory.Exists(directory)
            ? FilesIn(directory, recurse: false).Where(IsMarkdown).Select(file => Path.GetRelativePath(RootPath, file.FullName)).Order(StringComparer.Ordinal)
            : [];
    }

    /// <summary>Files that still contain a "[Platzhalter: …]" an editor has to fill in.</summary>
    public IReadOnlyList<string> FilesWithPlaceholders() =>
        Directory.Exists(RootPath)
            ? FilesIn(RootPath, recurse: true)
                .Where(file => IsMarkdown(file) && TextOrNull(file.FullName)?.Contains(PlaceholderMarker, StringComparison.Ordinal) == true)
                .Select(file => Path.GetRelativePath(RootPath, file.FullName))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    private static bool IsMarkdown(FileInfo file) => file.Name.EndsWith(".md", StringComparison.Ordinal);

    // The editors' files as every part of the site sees them. Editors work in content/ on the
    // running site: what their tools leave for a while is not content (hidden files: Emacs' lock
    // „.#aufruf.md“, a link to nowhere), a folder or file the site may not read (copied in as
    // another user) is left out and named at start (Unreadable), and linked folders are not
    // followed: a link may loop (two links to „.“ would make 2^40 folders on every fingerprint).
    private static FileSystemEnumerable<FileInfo> FilesIn(string folder, bool recurse) =>
        new FileSystemEnumerable<FileInfo>(folder, (ref entry) => (FileInfo)entry.ToFileSystemInfo(), new EnumerationOptions
        {
            RecurseSubdirectories = recurse,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden,
        })
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };

    /// <summary>
    /// Folders (with a trailing „/“) and files under the content root the site may not read, as paths
    /// relative to it: what the pages leave out. Linked folders are not followed (a link may loop).
    /// </summary>
    public IReadOnlyList<string> Unreadable()
    {
        var found = new List<string>();
        var folders = new Stack<DirectoryInfo>();
        if (Directory.Exists(RootPath))
        {
            folders.Push(new DirectoryInfo(RootPath));
        }

        while (folders.TryPop(out var folder))
        {
            try
            {
                foreach (var entry in folder.EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden }))
                {
                    if (entry is DirectoryInfo directory)
                    {
                        if (directory.LinkTarget is null)
                        {
                            folders.Push(directory);
                        }
                    }
                    else if (entry.LinkTarget is not null && !File.Exists(entry.FullName))
                    {
                        // a link to nowhere: nothing withheld
                    }
                    else if (!MayRead(entry.FullName))
                    {
                        found.Add(Path.GetRelativePath(RootPath, entry.FullName));
                    }
                }
            }
            catch (UnauthorizedAccessException)
            {
                found.Add(Path.GetRelativePath(RootPath, folder.FullName) + "/");
            }
            catch (IOException)
            {
                // removed while the start looked: nothing withheld
            }
        }

        return found.Order(StringComparer.Ordinal).ToList();
    }

    private static bool MayRead(string path)
    {
        try
        {
            using var file = File.OpenHandle(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return true; // gone or a link to nowhere (an editor's lock file): nothing to read, nothing withheld
        }
    }

    private static string? TextOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private T? Load<T>(string relativePath, Func<string, T> parse) where T : class
    {
        _cache.TryGetValue(relativePath, out var cached);
        var info = new FileInfo(Path.Combine(RootPath, relativePath));
        if (!info.Exists)
        {
            if (cached?.Value is not null && cached.Stamp != FileStamp.Missing)
            {
                logger.LogError("Content file {ContentFile} is missing; keeping the last good version", relativePath);
                _cache[relativePath] = cached with { Stamp = FileStamp.Missing };
            }

            return cached?.Value as T;
        }

        var stamp = FileStamp.Of(info);
        if (cached is not null && (cached.Stamp == stamp || cached.FailedStamp == stamp))
        {
            return cached.Value as T;
        }

        try
        {
            var value = parse(File.ReadAllText(info.FullName));
            _cache[relativePath] = new CachedFile(stamp, value, FailedStamp: null);
            return value;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or YamlException or ContentException)
        {
            logger.LogError(exception, "Content file {ContentFile} could not be read or parsed; keeping the last good version", relativePath);
            _cache[relativePath] = new CachedFile(cached?.Stamp ?? FileStamp.Missing, cached?.Value, FailedStamp: stamp);
            return cached?.Value as T;
        }
    }

    private sealed record VersionStamp(string Value, long ComputedAt);

    private sealed record CachedFile(FileStamp Stamp, object? Value, FileStamp? FailedStamp);

    // The permissions count: a file that could not be read is read again once it may be (chmod
    // changes neither its time nor its size).
    private sealed record FileStamp(DateTime LastWriteUtc, long Length, UnixFileMode Mode)
    {
        public static readonly FileStamp Missing = new(DateTime.MinValue, -1, UnixFileMode.None);

        public static FileStamp Of(FileInfo file) =>
            new(file.LastWriteTimeUtc, file.Length, OperatingSystem.IsWindows() ? UnixFileMode.None : file.UnixFileMode);
    }

    public void Dispose() => _watcher?.Dispose();
}
