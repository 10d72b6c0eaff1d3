namespace Integrationsoffensive.Hosting;

/// <summary>
/// The one folder that holds everything the site writes: the SQLite database, the mail pickup
/// folder, data-protection keys. Relative paths are resolved against the content root, and the
/// folder is created on first start so that deleting it means starting fresh.
/// </summary>
public sealed class DataDirectory
{
    public const string ConfigurationKey = "DataDirectory";

    public DataDirectory(string path)
    {
        FullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    /// <summary>A sub-folder of the data directory, created if missing.</summary>
    public string SubDirectory(string name)
    {
        var path = Path.Combine(FullPath, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public static DataDirectory FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ConfigurationKey];
        var path = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        return new DataDirectory(Path.Combine(environment.ContentRootPath, path));
    }

}

public static class DataDirectoryBuilderExtensions
{
    /// <summary>The data directory as configured, for set-up code that runs before the container is built.</summary>
    public static DataDirectory DataDirectory(this WebApplicationBuilder builder) =>
        Hosting.DataDirectory.FromConfiguration(builder.Configuration, builder.Environment);
}
