using Integrationsoffensive.Data;
using Integrationsoffensive.Features.Signing;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>A published co-signer as every public page shows it: public fields only.</summary>
public sealed record PublicSignatory(string Name, string Place, string Type, string? Website, string? Statement, DateTime PublishedAt)
{
    public string TypeLabel => OrganizationTypes.LabelOf(Type);
}

/// <summary>
/// The one query every public view of co-signers starts from. It selects public fields only, so
/// contact data cannot reach a public page by accident.
/// </summary>
public static class PublishedSignatories
{
    public static IQueryable<Application> Query(AppDbContext db) =>
        db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Published);

    /// <summary>The last step of every public query: filter and sort first, then project.</summary>
    public static IQueryable<PublicSignatory> ToPublic(this IQueryable<Application> applications) =>
        applications.Select(a => new PublicSignatory(a.OrganizationName, a.Place, a.OrganizationType, a.Website, a.Statement, a.PublishedAt!.Value));

    public static Task<List<PublicSignatory>> NewestAsync(AppDbContext db, int count) =>
        Query(db).OrderByDescending(a => a.PublishedAt).Take(count).ToPublic().ToListAsync();
}
