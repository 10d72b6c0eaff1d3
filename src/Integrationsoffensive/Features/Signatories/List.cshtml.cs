using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>/unterzeichnende: everyone who signed. Every view has its own URL; no JavaScript needed.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.ListPolicy)]
public sealed class ListModel(AppDbContext db, ContentStore content, LetterIndex letterIndex) : PageModel, IPageMetadata
{
    public ListQuery Query { get; private set; } = ListQuery.From(null, null, null, null, null);

    public IReadOnlyList<FoundingOrganization> Founders { get; private set; } = [];

    public IReadOnlyList<PublicSignatory> CoSigners { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The appeal's version in force: co-signers of an earlier one are marked.</summary>
    public string CurrentVersion { get; private set; } = "";

    public Pagination Pagination { get; private set; } = Pagination.Of(1, 0, ListQuery.PageSize);

    /// <summary>For A–Z order: each initial letter with the page its first entry is on.</summary>
    public IReadOnlyList<(string Letter, int Page)> Letters { get; private set; } = [];

    public string PageTitle => "Unterzeichnende";

    public string? PageDescription => "Alle Organisationen, die den Aufruf für eine Integrationsoffensive unterzeichnet haben.";

    public async Task<IActionResult> OnGetAsync(string? art, string? region, string? suche, string? sortierung, string? seite)
    {
        Query = ListQuery.From(art, region, suche, sortierung, seite);
        var allFounders = AppealContent.Founders(content);
        CurrentVersion = AppealContent.CurrentVersion(content);
        var query = PublishedSignatories.Query(db);
        // The count and the latest change in one read: the page count and the entity tag both take it.
        var state = await PublicCache.PublishedState(db).FirstOrDefaultAsync();
        var published = state?.Count ?? 0;
        Total = PublishedSignatories.Everyone(allFounders, published);

        if (Query.Type is { } type)
        {
            query = query.Where(a => a.OrganizationType == type);
        }

        if (Query.Region is { } region2)
        {
            query = query.Where(a => a.Region == region2);
        }

        if (Query.Search is { } search)
        {
            var pattern = LikePattern.Contains(search);
            query = query.Where(a => EF.Functions.Like(a.SearchKey, pattern, LikePattern.Escape));
        }

        // Unfiltered, the rows to page through are the published co-signers just counted.
        Pagination = Pagination.Of(Query.Page, Query.IsFiltered ? await query.CountAsync() : published, ListQuery.PageSize);
        Query = Query with { Page = Pagination.Page };

        // Each view has one address: unknown parameters, values the list does not know and pages
        // beyond the last lead there, so the cache holds each view once.
        if (!Query.IsAddressOf(Request.Query))
        {
            return RedirectToPage(Query.RouteValues());
        }

        Response.Headers.ETag = PublicCache.ETag(state, content, "list");
        var ordered = Query.Newest
            ? query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            : query.AToZ();
        CoSigners = await ordered.Skip(Pagination.Skip).Take(ListQuery.PageSize).ToPublic().ToListAsync();

        // Founders lead the list on its first page, unless a filter excludes them (they have a region, no type).
        Founders = Query.Page == 1 && Query.Type is null
            ? allFounders.Where(f => (Query.Region is null || f.Region == Query.Region)
                && (Query.Search is null || OrganizationNames.SearchKey(f.Name).Contains(Query.Search, StringComparison.Ordinal))).ToList()
            : [];

        if (!Query.Newest && Pagination.Total > 0)
        {
            var initials = Query.IsFiltered ? await LetterIndex.CountAsync(query) : await letterIndex.AllAsync(db);
            var before = 0;
            var letters = new List<(string, int)>();
            foreach (var group in initials.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var letter = group.Key is [>= 'a' and <= 'z'] ? group.Key : "#";
                if (letters.Count == 0 || letters[^1].Item1 != letter)
                {
                    letters.Add((letter, before / ListQuery.PageSize + 1));
                }

                before += group.Count;
            }

            Letters = letters;
        }

        return Page();
    }

    public static IEnumerable<Choice> Types => OrganizationTypes.All;

    public static IEnumerable<Choice> RegionChoices => Regions.All;

    public string PageUrl(int page) => Url.Page("/Signatories/List", Query.RouteValues(page))!;
}
