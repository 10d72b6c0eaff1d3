namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Folders of the repository the tests read from, found by walking up to the solution file.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>The tests' own content folder: the structure of content/ with short neutral texts.</summary>
    public static string TestContent => Path.Combine(Root, "tests", "Integrationsoffensive.Tests", "TestContent");

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
