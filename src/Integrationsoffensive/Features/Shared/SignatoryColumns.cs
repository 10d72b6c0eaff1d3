using System.Globalization;
using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Shared;

/// <summary>
/// The public list as CSV columns: the same for the open data download and the moderators' export.
/// Founders are marked and have no type, place or date of their own. „Frühere Fassung“ names the
/// version of the appeal a co-signer signed when it is not the one in force (empty otherwise).
/// </summary>
public static class SignatoryColumns
{
    public static IReadOnlyList<CsvColumn<PublicSignatory>> Public(string currentVersion) =>
    [
        new("Name", s => s.Name),
        new("Art", s => s.TypeLabel),
        new("Ort", s => s.Place),
        new("Region", s => s.RegionLabel),
        new("Website", s => s.Website),
        new("Kurzbegründung", s => s.Statement),
        new("Veröffentlicht am", s => s.Founder ? "" : s.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("Erstunterzeichnend", s => s.Founder ? "ja" : "nein"),
        new("Frühere Fassung", s => s.EarlierVersion(currentVersion)),
    ];
}
