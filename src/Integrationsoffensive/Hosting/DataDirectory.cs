namespace Integrationsoffensive.Hosting;

/// <summary>Where the site writes: the configuration key "DataDirectory" (a path, not a section).</summary>
public sealed class DataDirectoryOptions
{
    public const string ConfigurationKey = "DataDirectory";

    /// <summary>Relative to the content root, or absolute.</summary>
    public string Path { get; set; } = "data";
}

/// <summary>
/// The one folder that holds everything the site writes: the SQLite database, the mail pickup
/// folder, data-protection keys. Relative paths are resolved against the content root, and the
/// folder is created on first start so that deleting it means starting fresh.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string path)
    {
        FullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    /// <summary>A sub-folder of the data directory, created if missing.</summary>
    public string SubDirectory(string name)
    {
        var path = System.IO.Path.Combine(FullPath, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
