using System.Globalization;
using System.Text;

namespace Integrationsoffensive.Features.Signing;

public static class OrganizationNames
{
    /// <summary>
    /// A name folded so that "Diakonie  Hessen", "diakonie hessen" and "DiakonieHessen" compare
    /// equal: Unicode NFC, lower case, no white space.
    /// </summary>
    public static string Normalize(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("de-DE"));
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded.Where(c => !char.IsWhiteSpace(c)))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A name folded for search, so that "offenbach" finds "Offenbach" and "gross-gerau" or
    /// "groß gerau" find "Groß-Gerau": lower case, ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped,
    /// hyphens and runs of spaces as one space.
    /// </summary>
    public static string SearchKey(string text)
    {
        var lower = text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("de-DE"))
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
}
