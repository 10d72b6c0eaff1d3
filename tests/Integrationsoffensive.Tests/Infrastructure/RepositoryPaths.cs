namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Folders of the repository the tests read from, found by walking up to the solution file.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

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
