using System.Globalization;
using System.Text;

namespace Integrationsoffensive.Domain;

public static class OrganizationNames
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// A name folded so that spellings of the same organization compare equal, for duplicate checks:
    /// "Diakonie Hessen", "DIAKONIE-HESSEN" and "Diakonie Hessen e. V." all become "diakoniehessen".
    /// The search folding (case, umlauts, accents), then without punctuation, spaces, the legal form
    /// „e. V.“ and the word „Landesverband“.
    /// </summary>
    public static string Normalize(string name)
    {
        var words = Words(SearchKey(name)).Where(w => w != "landesverband").ToList();
        if (words.Count > 1 && words[^1] == "ev")
        {
            words.RemoveAt(words.Count - 1);
        }
        else if (words.Count > 2 && words[^2] == "e" && words[^1] == "v")
        {
            words.RemoveRange(words.Count - 2, 2);
        }

        return string.Concat(words);
    }

    /// <summary>
    /// A name folded for search, so that "offenbach" finds "Offenbach" and "gross-gerau" or
    /// "groß gerau" find "Groß-Gerau": lower case, ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped,
    /// hyphens and runs of spaces as one space.
    /// </summary>
    public static string SearchKey(string text)
    {
        var lower = text.Normalize(NormalizationForm.FormC).ToLower(German)
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = char.IsWhiteSpace(c) || c is '-' or '–' ? ' ' : c;
            if (folded != ' ' || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(folded);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>The runs of letters and digits; everything else separates.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
