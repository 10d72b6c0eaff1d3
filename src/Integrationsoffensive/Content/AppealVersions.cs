using System.Text;

namespace Integrationsoffensive.Content;

/// <summary>
/// One version of the appeal's text: the current one is put together from the live files
/// (aufruf.md, forderungen/, schlussaufruf.md); earlier ones are kept as content/fassungen/{version}.md,
/// the whole text as it was, so that what an organization signed stays readable.
/// </summary>
public sealed record AppealVersion(string Version, ContentDate? Date, string Title, string Markdown, bool IsCurrent);

/// <summary>content/fassungen/{version}.md: an earlier version of the whole text.</summary>
public sealed class VersionFrontMatter : PageFrontMatter
{
    public string Version { get; set; } = "";

    /// <summary>When this version came into force ("2023-11-27" or "2023-11").</summary>
    public string? Date { get; set; }

    [YamlDotNet.Serialization.YamlIgnore]
    public ContentDate? ValidFrom => ContentDate.Parse(Date, "date");

    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(Version))
        {
            throw new ContentException("An earlier version needs its \"version\".");
        }

        _ = ValidFrom;
    }
}

public static class AppealVersions
{
    public const string Folder = "fassungen";

    /// <summary>Every version, the current one first, then the earlier ones newest first.</summary>
    public static IReadOnlyList<AppealVersion> All(ContentStore store)
    {
        var appeal = AppealContent.Load(store);
        var current = appeal is null ? null : Current(appeal);
        var earlier = store.DocumentsIn(Folder)
            .Select(store.Document<VersionFrontMatter>)
            .OfType<ContentDocument<VersionFrontMatter>>()
            .Where(d => d.FrontMatter.Version != current?.Version)
            .Select(d => new AppealVersion(d.FrontMatter.Version, d.FrontMatter.ValidFrom, d.FrontMatter.Title, d.Markdown, IsCurrent: false))
            .OrderByDescending(v => v.Date?.Iso ?? "")
            .ThenByDescending(v => v.Version, StringComparer.Ordinal);
        return (current is null ? earlier : earlier.Prepend(current)).ToList();
    }

    public static AppealVersion? Find(ContentStore store, string? version) =>
        All(store).FirstOrDefault(v => v.Version == version);

    /// <summary>The text in force, as one Markdown document: lead, text, the demands, the closing call.</summary>
    public static AppealVersion Current(AppealContent appeal)
    {
        var text = new StringBuilder();
        text.Append(appeal.LeadMarkdown.Trim()).Append("\n\n").Append(appeal.TextMarkdown.Trim()).Append("\n\n");
        foreach (var demand in appeal.Demands)
        {
            text.Append($"## {demand.Number}. {demand.Title}\n\n{demand.Markdown.Trim()}\n\n");
        }

        text.Append($"## {appeal.ClosingTitle}\n\n{appeal.ClosingMarkdown.Trim()}\n");
        return new AppealVersion(appeal.Version, appeal.ChangedOn ?? appeal.PublishedOn, appeal.Title, text.ToString(), IsCurrent: true);
    }

    /// <summary>What to write into content/fassungen/{version}.md to keep the current text before it changes.</summary>
    public static string ArchiveFile(AppealVersion version) =>
        $"""
        ---
        # An earlier version of the appeal, kept so that what organizations signed stays readable. Do not edit.
        title: "{version.Title.Replace("\"", "\\\"", StringComparison.Ordinal)}"
        version: "{version.Version}"
        date: "{version.Date?.Iso}"
        ---

        {version.Markdown}
        """;
}
