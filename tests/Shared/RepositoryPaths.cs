namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Folders of the repository the tests read from, found by walking up to the solution file.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The editors' content/, read only by the tests that check the shipped content itself.</summary>
    public static string Content => Path.Combine(Root, "content");

    /// <summary>The content every other test runs against, so an editor's change cannot break CI.</summary>
    public static string TestContent => Path.Combine(Root, "tests", "TestContent");

    /// <summary>Copies a folder with everything in it, e.g. a content folder into a test's own directory.</summary>
    public static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Integrationsoffensive.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Integrationsoffensive.sln not found above " + AppContext.BaseDirectory);
    }
}
