using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Html;

namespace Integrationsoffensive.Features.Moderation.Dashboard;

/// <summary>
/// Hessen's 21 Landkreise and 5 kreisfreie Städte as a tile map: one equal tile each, placed roughly
/// where it lies (north at the top), so a small district is as visible as a large one. Beside the
/// state: „hessenweit“, „außerhalb Hessens“ and „bundesweit“. The shade says how many signed.
/// </summary>
public static class HessenTileMap
{
    private const int Tile = 92, Gap = 6;

    /// <summary>Region code, short name on the tile, column and row.</summary>
    public static readonly IReadOnlyList<(string Region, string Short, int Column, int Row)> Tiles =
    [
        ("waldeck-frankenberg", "Waldeck-Fr.", 1, 0), ("kassel-landkreis", "Lk. Kassel", 2, 0), ("kassel-stadt", "Kassel", 3, 0), ("werra-meissner-kreis", "Werra-Meißner", 4, 0),
        ("marburg-biedenkopf", "Marburg-Bied.", 1, 1), ("schwalm-eder-kreis", "Schwalm-Eder", 2, 1), ("hersfeld-rotenburg", "Hersfeld-Rot.", 3, 1),
        ("lahn-dill-kreis", "Lahn-Dill", 0, 2), ("giessen", "Gießen", 1, 2), ("vogelsbergkreis", "Vogelsberg", 2, 2), ("fulda", "Fulda", 3, 2),
        ("limburg-weilburg", "Limburg-W.", 0, 3), ("hochtaunuskreis", "Hochtaunus", 1, 3), ("wetteraukreis", "Wetterau", 2, 3), ("main-kinzig-kreis", "Main-Kinzig", 3, 3),
        ("rheingau-taunus-kreis", "Rheingau-T.", 0, 4), ("main-taunus-kreis", "Main-Taunus", 1, 4), ("frankfurt", "Frankfurt", 2, 4), ("offenbach-stadt", "Offenbach", 3, 4),
        ("wiesbaden", "Wiesbaden", 0, 5), ("gross-gerau", "Groß-Gerau", 1, 5), ("offenbach-landkreis", "Kr. Offenbach", 2, 5),
        ("darmstadt", "Darmstadt", 1, 6), ("darmstadt-dieburg", "Da.-Dieburg", 2, 6),
        ("bergstrasse", "Bergstraße", 1, 7), ("odenwaldkreis", "Odenwald", 2, 7),
        (Regions.Statewide, "hessenweit", 5, 5), (Regions.OutsideHessen, "außerhalb", 5, 6), (Regions.Nationwide, "bundesweit", 5, 7),
    ];

    public static IHtmlContent Render(IReadOnlyDictionary<string, int> counts, string labelledBy)
    {
        var max = Math.Max(1, counts.Values.DefaultIfEmpty().Max());
        var svg = Charts.Open(8 * (Tile + Gap), labelledBy);
        foreach (var (region, name, column, row) in Tiles)
        {
            var count = counts.GetValueOrDefault(region);
            var x = column * (Tile + Gap);
            var y = row * (Tile + Gap);
            var shade = count == 0 ? 0 : 1 + (int)Math.Min(3, Math.Floor(4.0 * (count - 1) / max));
            svg.Append($"<g class=\"tile tile--{shade}{(column == 5 ? " tile--beyond" : "")}\"><title>{Charts.Encode(Regions.LabelOf(region))}: {count}</title>");
            svg.Append($"<rect x=\"{x}\" y=\"{y}\" width=\"{Tile}\" height=\"{Tile}\" rx=\"4\"/>");
            svg.Append($"<text class=\"tile__name\" x=\"{x + (Tile / 2)}\" y=\"{y + 38}\" text-anchor=\"middle\">{Charts.Encode(name)}</text>");
            svg.Append($"<text class=\"tile__count\" x=\"{x + (Tile / 2)}\" y=\"{y + 66}\" text-anchor=\"middle\">{count}</text></g>");
        }

        return Charts.Close(svg);
    }
}
