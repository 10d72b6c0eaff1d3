using System.Collections.Concurrent;
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
public sealed class ContentStore(
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
            ? Directory.EnumerateFiles(directory, "*.md").Select(path => Path.GetRelativePath(RootPath, path)).Order(StringComparer.Ordinal)
            : [];
    }

    /// <summary>
    /// A fingerprint of the content: part of each cached page's key, so an edited file is on the
    /// next request even when pages come from the cache. It hashes the files' paths and bytes (each
    /// file hashed again only when its time stamp or size changed), so every instance and every
    /// restart with the same files has the same version. It is asked for on every request, so it
    /// is kept: a file-system watcher drops it the moment a file changes, and it is recomputed at
    /// least every <see cref="VersionMaxAge"/> for file systems that do not report changes.
    /// </summary>
    public string Version()
    {
        var known = _version;
        if (known is not null && Clock.GetElapsedTime(known.ComputedAt) < VersionMaxAge)
        {
            return known.Value;
        }

        EnsureWatching();
        var value = ComputeVersion();
        _version = new VersionStamp(value, Clock.GetTimestamp());
        return value;
    }

    private string ComputeVersion()
    {
        if (!Directory.Exists(RootPath))
        {
            return "none";
        }

        using var combined = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new DirectoryInfo(RootPath).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(RootPath, file.FullName);
            combined.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            combined.AppendData(FileHash(file));
        }

        return Convert.ToHexStringLower(combined.GetHashAndReset())[..16];
    }

    private void EnsureWatching()
    {
        if (_watcher is not null || !Directory.Exists(RootPath))
        {
            return;
        }

        try
        {
            var watcher = new FileSystemWatcher(RootPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            FileSystemEventHandler changed = (_, _) => _version = null;
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (_, _) => _version = null;
            watcher.Error += (_, _) => _version = null;
            watcher.EnableRaisingEvents = true;
            if (Interlocked.CompareExchange(ref _watcher, watcher, null) is not null)
            {
                watcher.Dispose();
            }
        }
        catch (Exception exception) when (exception is IOException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Changes in {ContentRoot} are noticed only every {Seconds} seconds", RootPath, VersionMaxAge.TotalSeconds);
        }
    }

    private byte[] FileHash(FileInfo file)
    {
        var stamp = new FileStamp(file.LastWriteTimeUtc, file.Length);
        if (_hashes.TryGetValue(file.FullName, out var known) && known.Stamp == stamp)
        {
            return known.Hash;
        }

        try
        {
            var hash = SHA256.HashData(File.ReadAllBytes(file.FullName));
            _hashes[file.FullName] = (stamp, hash);
            return hash;
        }
        catch (IOException)
        {
            return []; // being written right now; the next request hashes the finished file
        }
    }

    /// <summary>Files that still contain a "[Platzhalter: …]" an editor has to fill in.</summary>
    public IReadOnlyList<string> FilesWithPlaceholders() =>
        Directory.Exists(RootPath)
            ? Directory.EnumerateFiles(RootPath, "*.md", SearchOption.AllDirectories)
                .Where(path => File.ReadAllText(path).Contains(PlaceholderMarker, StringComparison.Ordinal))
                .Select(path => Path.GetRelativePath(RootPath, path))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

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

        var stamp = new FileStamp(info.LastWriteTimeUtc, info.Length);
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

    private sealed record FileStamp(DateTime LastWriteUtc, long Length)
    {
        public static readonly FileStamp Missing = new(DateTime.MinValue, -1);
    }

    public void Dispose() => _watcher?.Dispose();
}
