using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>
/// What a reader asked the list for, read from the query string and made safe: unknown filter
/// values are ignored, page numbers are clamped, so every URL answers with a sensible page.
/// </summary>
public sealed record ListQuery(string? Type, string? Region, string? Search, bool Newest, int Page)
{
    public const int PageSize = 50;

    public bool IsFiltered => Type is not null || Region is not null || Search is not null;

    public static ListQuery From(string? art, string? region, string? suche, string? sortierung, string? seite) => new(
        OrganizationTypes.IsKnown(art) ? art : null,
        Regions.IsKnown(region) ? region : null,
        TextInput.SingleLine(suche) is { } s ? OrganizationNames.SearchKey(s[..Math.Min(s.Length, 100)]) : null,
        sortierung == "neu",
        int.TryParse(seite, out var page) && page > 1 ? Math.Min(page, 100_000) : 1);

    /// <summary>The URL of this view with some parts changed; empty parts are left out.</summary>
    public string Url(string? search, int? page = null, string? type = "", string? region = "", bool? newest = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("art", type == "" ? Type : type);
        Add("region", region == "" ? Region : region);
        Add("suche", search);
        Add("sortierung", newest ?? Newest ? "neu" : null);
        Add("seite", (page ?? Page) > 1 ? (page ?? Page).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return "/unterzeichnende" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
