using System.Text.RegularExpressions;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Architecture;

/// <summary>
/// The folders of the web project and which may use which, as docs/architecture.md draws them:
/// features use the shared model and the infrastructure, never each other's folders. Read from the
/// source (usings and qualified names), so a new cross-reference fails here with the file named.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private static readonly string Source = Path.Combine(RepositoryPaths.Root, "src", "Integrationsoffensive");

    /// <summary>What each folder may use besides itself; "Features/*" stands for every feature folder.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Domain"] = ["Content", "Data", "Email"],
        ["Content"] = [],
        ["Data"] = ["Domain", "Email", "Hosting"],
        ["Email"] = ["Domain", "Data", "Hosting", "Content"],
        ["Hosting"] = ["Domain", "Content", "Data", "Features/Shared"],
        ["Features/Shared"] = ["Domain", "Content", "Data", "Email", "Hosting"],
        ["Features/*"] = ["Domain", "Content", "Data", "Email", "Hosting", "Features/Shared"],
        ["Cli"] = ["Domain", "Content", "Data", "Email", "Hosting", "Features/Shared", "Features/Accounts"],
    };

    public static TheoryData<string> Folders() => new(Allowed.Keys.Where(k => k != "Features/*").Concat(FeatureFolders()));

    [Theory]
    [MemberData(nameof(Folders))]
    public void Folder_UsesOnlyWhatItMay(string folder)
    {
        var allowed = (Allowed.TryGetValue(folder, out var own) ? own : Allowed["Features/*"]).Append(folder).ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Source, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (var used in ProjectNamespace().Matches(text).Select(m => FolderOf(m.Groups[1].Value)).Distinct())
            {
                if (used is not null && !allowed.Contains(used) && !(folder.StartsWith("Features/", StringComparison.Ordinal) && used == folder))
                {
                    violations.Add($"{Path.GetRelativePath(Source, file)} uses {used}");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void EveryFolder_HasARule()
    {
        var folders = Directory.EnumerateDirectories(Source).Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj" or "wwwroot" or "Properties" or "Features"));
        Assert.All(folders, name => Assert.True(Allowed.ContainsKey(name!), $"{name} has no rule in FolderDependencyTests and docs/architecture.md"));
    }

    private static IEnumerable<string> FeatureFolders() =>
        Directory.EnumerateDirectories(Path.Combine(Source, "Features")).Select(d => "Features/" + Path.GetFileName(d)).Where(f => f != "Features/Shared");

    // "Integrationsoffensive.Features.Signing.X" → "Features/Signing"; "Integrationsoffensive.Domain" → "Domain".
    private static string? FolderOf(string ns)
    {
        var parts = ns.Split('.');
        return parts[0] == "Features" ? parts.Length > 1 ? "Features/" + parts[1] : null : parts[0];
    }

    [GeneratedRegex(@"\bIntegrationsoffensive\.(Features\.[A-Z][A-Za-z]+|Domain|Content|Data|Email|Hosting|Cli)\b")]
    private static partial Regex ProjectNamespace();
}
