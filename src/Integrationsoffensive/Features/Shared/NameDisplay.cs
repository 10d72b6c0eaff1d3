using System.Text.RegularExpressions;

namespace Integrationsoffensive.Features.Shared;

/// <summary>How organization names are shown on pages.</summary>
public static partial class NameDisplay
{
    /// <summary>
    /// The legal form „e. V.“ never breaks across lines, nor away from the word before it: its
    /// spaces become no-break spaces („Flüchtlingshilfe Musterstadt e. V.“ keeps „Musterstadt e. V.“ together).
    /// </summary>
    public static string NoBreak(string name) =>
        LegalForm().Replace(name, match => "\u00A0e.\u00A0V.");

    [GeneratedRegex(@"\s+e\.\s*V\.(?=\s|$|[,;)])")]
    private static partial Regex LegalForm();
}
