using System.Globalization;
using System.Text;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>
/// The tile that stands in for a missing logo: up to two initials on one of a few colours. The
/// colour follows from the name (a stable hash, the same on every instance and every day), and
/// every colour of the palette in campaign.css carries white text at a contrast of at least 4.5:1.
/// </summary>
public static class LetterTile
{
    public const int Colours = 6;

    // Words that are not the name: legal forms and the small words between.
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "e", "v", "e.v", "ev", "gmbh", "ggmbh", "der", "die", "das", "des", "den", "dem", "und", "für", "fur", "in", "im", "am", "an", "von", "vom", "zu", "zur", "zum", "the", "of",
    };

    public static string Initials(string name)
    {
        var words = name.Split([' ', '-', '/', ',', '(', ')', '&', '„', '“', '"', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.'))
            .Where(w => w.Length > 0 && char.IsLetterOrDigit(w[0]) && !Skipped.Contains(w))
            .ToList();
        var letters = words.Take(2).Select(w => char.ToUpper(w[0], CultureInfo.GetCultureInfo("de-DE"))).ToArray();
        return letters.Length > 0 ? new string(letters) : name.Trim() is { Length: > 0 } trimmed ? trimmed[..1].ToUpperInvariant() : "?";
    }

    /// <summary>0 … <see cref="Colours"/> − 1, from an FNV-1a hash of the name (string.GetHashCode changes per process).</summary>
    public static int Colour(string name)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % Colours);
    }
}
