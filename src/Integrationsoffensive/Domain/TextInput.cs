using System.Globalization;
using System.Text;

namespace Integrationsoffensive.Domain;

/// <summary>
/// Cleans what people type before it is validated or stored: Unicode NFC, no control characters
/// (null bytes, CR/LF in one-line fields), no bidirectional overrides that could make a name read
/// differently from what it is, runs of spaces folded, trimmed. Empty becomes null.
/// </summary>
public static class TextInput
{
    public static string? SingleLine(string? value) => Clean(value, keepLineBreaks: false);

    public static string? MultiLine(string? value) => Clean(value, keepLineBreaks: true);

    private static string? Clean(string? value, bool keepLineBreaks)
    {
        if (value is null)
        {
            return null;
        }

        var normalized = value.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (c == '\n' && keepLineBreaks)
            {
                TrimEndSpaces(builder);
                builder.Append('\n');
                pendingSpace = false;
            }
            else if (char.IsWhiteSpace(c) || c == '\t' || (c == '\n' && !keepLineBreaks))
            {
                pendingSpace = builder.Length > 0 && builder[^1] != '\n';
            }
            else if (IsUnwanted(c))
            {
                continue;
            }
            else
            {
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(c);
            }
        }

        var result = builder.ToString().Trim();
        while (result.Contains("\n\n\n", StringComparison.Ordinal))
        {
            result = result.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return result.Length == 0 ? null : result;
    }

    private static void TrimEndSpaces(StringBuilder builder)
    {
        while (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }
    }

    // Control characters (C0, DEL, C1) and the bidi embedding, override and isolate marks.
    private static bool IsUnwanted(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Control
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200E' or '\u200F' or '\u061C' or '\uFEFF';
}
