namespace Integrationsoffensive.Hosting;

/// <summary>
/// Where the site finds appsettings.json and wwwroot when nobody says: the folder it was started
/// from if the app is there (<c>dotnet run</c> in the project folder), otherwise the folder the
/// application itself lives in, so a published site started from anywhere
/// (<c>cd /tmp &amp;&amp; dotnet /srv/app/Integrationsoffensive.dll</c>) still finds its files.
/// </summary>
public static class ContentRoot
{
    /// <summary>Null when the content root is configured (argument or environment) and the framework should decide.</summary>
    public static string? Default(string[] args)
    {
        var configured = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        if (configured || File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")))
        {
            return null;
        }

        return AppContext.BaseDirectory;
    }
}
