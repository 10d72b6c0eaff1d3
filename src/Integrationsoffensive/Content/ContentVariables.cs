using System.Text.RegularExpressions;

namespace Integrationsoffensive.Content;

/// <summary>A feature's contribution to the values content may quote, such as its retention periods.</summary>
public interface IContentVariableSource
{
    IEnumerable<KeyValuePair<string, string>> GetVariables();
}

/// <summary>
/// Values the site knows and content may quote as <c>{{ name }}</c>, so that a page such as the
/// privacy policy states the periods the configuration actually uses. An unknown token stays
/// visible so that an editor notices it.
/// </summary>
public sealed partial class ContentVariables(IEnumerable<IContentVariableSource> sources)
{
    private readonly Dictionary<string, string> _values = sources
        .SelectMany(source => source.GetVariables())
        .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    public string Substitute(string text) =>
        Token().Replace(text, match => _values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);

    [GeneratedRegex(@"\{\{\s*([a-z0-9_]+)\s*\}\}")]
    private static partial Regex Token();
}
