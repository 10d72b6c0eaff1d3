using Integrationsoffensive.Content;

namespace Integrationsoffensive.Cli;

/// <summary>
/// <c>fassung-sichern</c>: writes the appeal's current text to content/fassungen/{version}.md, the
/// first step of publishing a new version, so that what organizations signed stays readable at
/// /aufruf/fassungen once the wording and the "version" in aufruf.md change. Never overwrites.
/// </summary>
public static class KeepVersionCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var store = services.GetRequiredService<ContentStore>();
        var appeal = AppealContent.Load(store);
        if (appeal is null)
        {
            await output.WriteLineAsync($"Der Aufruf lässt sich nicht laden ({Path.Combine(store.RootPath, AppealContent.AppealFile)}); nichts gesichert.");
            return 1;
        }

        var current = AppealVersions.Current(appeal);
        var path = Path.Combine(store.RootPath, AppealVersions.Folder, current.Version + ".md");
        if (File.Exists(path))
        {
            await output.WriteLineAsync($"Fassung {current.Version} ist schon gesichert: {path}");
            return 0;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, AppealVersions.ArchiveFile(current));
        await output.WriteLineAsync($"Fassung {current.Version} gesichert: {path}. Ändern Sie jetzt den Text und erhöhen Sie \"version\" in {AppealContent.AppealFile}.");
        return 0;
    }
}
