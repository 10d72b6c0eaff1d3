using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Domain;

/// <summary>A published co-signer as every public page shows it: public fields only.</summary>
public sealed record PublicSignatory(int Id, string Name, string Place, string Type, string Region, string? Website, string? Statement, DateTime PublishedAt, string SortKey, string AppealVersion = "")
{
    /// <summary>One of the founding organizations (from content/, not the database): they have no type, place or date.</summary>
    public bool Founder { get; init; }

    /// <summary>The version of the appeal this co-signer signed, when it is not the one in force; null otherwise (and for founders).</summary>
    public string? EarlierVersion(string currentVersion) =>
        Founder || AppealVersion.Length == 0 || AppealVersion == currentVersion ? null : AppealVersion;

    public string TypeLabel => OrganizationTypes.LabelOf(Type);

    public string RegionLabel => Regions.LabelOf(Region);

    /// <summary>The letter of the A–Z index this entry belongs to ("#" for digits and others).</summary>
    public string Letter => SortKey.Length > 0 && SortKey[0] is >= 'a' and <= 'z' ? SortKey[..1] : "#";

    /// <summary>The website's host without "www.", as the link text.</summary>
    public string? Domain => Uri.TryCreate(Website, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
        : null;
}

/// <summary>
/// The one query every public view of co-signers starts from. It selects public fields only, so
/// contact data cannot reach a public page, feed or export by accident.
/// </summary>
public static class PublishedSignatories
{
    public static IQueryable<Application> Query(AppDbContext db) =>
        db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Published);

    /// <summary>The list's order: by the folded name (the index on status and search key holds them so).</summary>
    public static IOrderedQueryable<Application> AToZ(this IQueryable<Application> applications) =>
        applications.OrderBy(a => a.SearchKey).ThenBy(a => a.Id);

    /// <summary>The last step of every public query: filter and sort first, then project.</summary>
    public static IQueryable<PublicSignatory> ToPublic(this IQueryable<Application> applications) =>
        applications.Select(a => new PublicSignatory(a.Id, a.OrganizationName, a.Place, a.OrganizationType, a.Region, a.Website, a.Statement, a.PublishedAt!.Value, a.SearchKey, a.AppealVersion));

    /// <summary>Everyone who signed: the founders plus the published co-signers.</summary>
    public static async Task<int> CountAsync(AppDbContext db, IReadOnlyCollection<FoundingOrganization> founders) =>
        Everyone(founders, await Query(db).CountAsync());

    /// <summary>Everyone who signed, for a caller that has counted the published co-signers itself.</summary>
    public static int Everyone(IReadOnlyCollection<FoundingOrganization> founders, int published) => founders.Count + published;

    /// <summary>The founders as rows of the public list, marked, so exports count what the counter counts.</summary>
    /// <summary>Everyone who signed, as the exports list them: the founders first, marked, then every co-signer A–Z.</summary>
    public static IAsyncEnumerable<PublicSignatory> EveryoneAsync(AppDbContext db, IEnumerable<FoundingOrganization> founders) =>
        AsSignatories(founders).ToAsyncEnumerable()
            .Concat(Query(db).AToZ().ToPublic().AsAsyncEnumerable());

    public static IEnumerable<PublicSignatory> AsSignatories(IEnumerable<FoundingOrganization> founders) =>
        founders.Select(f => new PublicSignatory(0, f.Name, "", "", f.Region ?? "", f.Href, null, default, OrganizationNames.SearchKey(f.Name)) { Founder = true });

    public static Task<List<PublicSignatory>> NewestAsync(AppDbContext db, int count) =>
        Query(db).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(count).ToPublic().ToListAsync();
}
