using System.Text.RegularExpressions;
using DiffPlex;
using Microsoft.AspNetCore.Html;
using Integrationsoffensive.Content;

namespace Integrationsoffensive.Features.Appeal;

public enum DiffKind
{
    Same,
    Deleted,
    Inserted,
}

/// <summary>A run of text that both versions share, or that one of them has alone.</summary>
public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>
/// What changed between two versions of the appeal, word by word (DiffPlex over words and the
/// white space between them), on the plain text as a reader reads it: headings and paragraphs
/// separated by blank lines, quotes and dashes as on the page.
/// </summary>
public static partial class VersionDiff
{
    public static IReadOnlyList<DiffPart> Words(string older, string newer)
    {
        var result = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, new WordsAndSpaces());
        var parts = new List<DiffPart>();
        var nextNew = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(parts, DiffKind.Same, result.PiecesNew, nextNew, block.InsertStartB - nextNew);
            Add(parts, DiffKind.Deleted, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(parts, DiffKind.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            nextNew = block.InsertStartB + block.InsertCountB;
        }

        Add(parts, DiffKind.Same, result.PiecesNew, nextNew, result.PiecesNew.Count - nextNew);
        return parts;
    }

    /// <summary>
    /// The parts as HTML without white space of its own (the text keeps its line breaks with
    /// white-space: pre-line): deletions in del, insertions in ins, each with a cue for screen readers.
    /// </summary>
    public static IHtmlContent ToHtml(IEnumerable<DiffPart> parts)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            var (tag, cue) = part.Kind switch
            {
                DiffKind.Deleted => ("del", "[gestrichen: "),
                DiffKind.Inserted => ("ins", "[eingefügt: "),
                _ => ("", ""),
            };
            if (tag.Length == 0)
            {
                html.Append(part.Text);
                continue;
            }

            html.AppendHtml($"<{tag}><span class=\"visually-hidden\">").Append(cue).AppendHtml("</span>")
                .Append(part.Text).AppendHtml("<span class=\"visually-hidden\">]</span>").AppendHtml($"</{tag}>");
        }

        return html;
    }

    /// <summary>How many words a list of parts deletes or inserts.</summary>
    public static int WordCount(IEnumerable<DiffPart> parts, DiffKind kind) =>
        parts.Where(p => p.Kind == kind).Sum(p => Word().Count(p.Text));

    /// <summary>A version as plain text: its headings and paragraphs, separated by blank lines.</summary>
    public static string PlainText(MarkdownRenderer renderer, AppealVersion version) =>
        string.Join("\n\n", renderer.Blocks(version.Markdown).Select(b => b.Text));

    private static void Add(List<DiffPart> parts, DiffKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(pieces.Skip(start).Take(count));
        if (parts.Count > 0 && parts[^1].Kind == kind)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
        }
        else
        {
            parts.Add(new DiffPart(kind, text));
        }
    }

    private sealed class WordsAndSpaces : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => WordOrSpace().Matches(text).Select(m => m.Value).ToArray();
    }

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex WordOrSpace();

    [GeneratedRegex(@"[^\s]+")]
    private static partial Regex Word();
}
