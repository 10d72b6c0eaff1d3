using F23.StringSimilarity;

namespace Integrationsoffensive.Domain;

/// <summary>
/// Whether two folded names (<see cref="OrganizationNames.Normalize"/>) are so alike that they most
/// likely name the same organization: a typo, a letter left out or doubled, „Giessen“ for „Gießen“
/// is already folded away. The measure is the normalized Levenshtein similarity of F23.StringSimilarity
/// (1 − edits ÷ length of the longer name), and the threshold is <see cref="Threshold"/> = 0.9: one
/// edit per ten letters. So names shorter than ten letters must match exactly, „diakoniehesen“ finds
/// „diakoniehessen“ (0.93), while „awokreisverbandfulda“ and „awokreisverbandkassel“ (0.71) stay
/// apart. Jaro-Winkler was not taken: it rewards a common beginning, and here many different
/// organizations share one („Evangelische Kirchengemeinde …“). Names whose numbers differ
/// („Ortsverein 1“, „Ortsverein 2“) are never similar.
/// </summary>
public static class SimilarNames
{
    public const double Threshold = 0.9;

    private static readonly Levenshtein Levenshtein = new();

    /// <summary>The similarity of two folded names, 0 to 1; 0 whenever they cannot reach the threshold.</summary>
    public static double Similarity(string a, string b)
    {
        var longer = Math.Max(a.Length, b.Length);
        if (longer == 0)
        {
            return 1;
        }

        // Each edit costs 1/longer; more than this many edits can never reach the threshold.
        var allowed = (int)Math.Floor(longer * (1 - Threshold) + 1e-9);
        if (Math.Abs(a.Length - b.Length) > allowed || !DigitsOf(a).Equals(DigitsOf(b), StringComparison.Ordinal))
        {
            return 0;
        }

        var distance = Levenshtein.Distance(a, b, allowed + 1);
        return distance > allowed ? 0 : 1 - (distance / longer);
    }

    /// <summary>The digits of a name in order („ortsverein12“ → „12“); names whose digits differ are never similar.</summary>
    public static string DigitsOf(string name) =>
        name.AsSpan().ContainsAnyInRange('0', '9') ? string.Concat(name.Where(char.IsAsciiDigit)) : "";
}
