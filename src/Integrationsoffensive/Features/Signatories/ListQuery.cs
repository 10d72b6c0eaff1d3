using System.Globalization;
using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>
/// What a reader asked the list for, read from the query string and made safe: unknown filter
/// values are ignored, the search is cleaned and folded, the page number is a positive number,
/// so every URL answers with a sensible page.
/// </summary>
public sealed record ListQuery(string? Type, string? Region, string? SearchText, bool Newest, int Page)
{
    public const int PageSize = 50;

    /// <summary>The longest search text that is used; longer input is cut.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>The search folded as the stored search keys are (see <see cref="OrganizationNames.SearchKey"/>).</summary>
    public string? Search => SearchText is null ? null : OrganizationNames.SearchKey(SearchText);

    public bool IsFiltered => Type is not null || Region is not null || SearchText is not null;

    public static ListQuery From(string? art, string? region, string? suche, string? sortierung, string? seite)
    {
        var text = TextInput.SingleLine(suche);
        return new ListQuery(
            OrganizationTypes.IsKnown(art) ? art : null,
            Regions.IsKnown(region) ? region : null,
            text is null ? null : text[..Math.Min(text.Length, MaxSearchLength)],
            sortierung == "neu",
            int.TryParse(seite, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 1 ? page : 1);
    }

    /// <summary>True when the request's query string is exactly this view's canonical one.</summary>
    public bool IsAddressOf(IQueryCollection query)
    {
        var canonical = RouteValues();
        return query.Count == canonical.Count
            && query.All(pair => pair.Value.Count == 1 && canonical.TryGetValue(pair.Key, out var value) && value == pair.Value[0]);
    }

    /// <summary>
    /// The query string of this view, or of the same view on another page; parts with their default
    /// value are left out, so each view has exactly one address.
    /// </summary>
    public Dictionary<string, string> RouteValues(int? page = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }

        var target = page ?? Page;
        Add("art", Type);
        Add("region", Region);
        Add("suche", SearchText);
        Add("sortierung", Newest ? "neu" : null);
        Add("seite", target > 1 ? target.ToString(CultureInfo.InvariantCulture) : null);
        return values;
    }
}
