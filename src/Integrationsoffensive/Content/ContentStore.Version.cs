using System.Security.Cryptography;
using System.Text;

namespace Integrationsoffensive.Content;

// The content's fingerprint (asked for on every request) and what is kept while it stays the same.
public sealed partial class ContentStore
{
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

    /// <summary>
    /// A value computed from the content (e.g. the list of translations, which takes a walk through
    /// the folders), kept while the <see cref="Version"/> stays the same: asked for on every
    /// request, it costs a dictionary lookup instead of file-system calls.
    /// </summary>
    public T Derived<T>(string key, Func<T> compute) where T : class
    {
        var version = Version();
        if (_derived.TryGetValue(key, out var known) && known.Version == version)
        {
            return (T)known.Value;
        }

        var value = compute();
        _derived[key] = (version, value);
        return value;
    }

    private string ComputeVersion()
    {
        if (!Directory.Exists(RootPath))
        {
            return "none";
        }

        using var combined = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in FilesIn(RootPath, recurse: true).OrderBy(f => f.FullName, StringComparer.Ordinal))
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
            var watcher = new FileSystemWatcher(RootPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.Attributes };
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
        var stamp = FileStamp.Of(file);
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
        catch (UnauthorizedAccessException)
        {
            return []; // the site may not read it: left out like the pages leave it out
        }
    }
}
