namespace Integrationsoffensive.Features.Shared;

/// <summary>A search term as a SQL LIKE pattern: "contains", with %, _ and \ taken literally (escape "\").</summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Contains(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
