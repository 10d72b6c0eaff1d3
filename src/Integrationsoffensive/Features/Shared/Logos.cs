using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Shared;

/// <summary>
/// The published logos at <c>/logos/{id}-{hash}-{size}.png</c>. The address carries the picture's
/// hash, so it can be cached for good (<c>immutable</c>): a new logo is a new address. Only a
/// published application's logo is served; pending, rejected, unpublished and withdrawn ones are
/// 404, like any address that never existed. Nothing here reads more than the one picture asked for.
/// </summary>
public static class Logos
{
    public const string Route = "logo";

    public static void MapLogos(this WebApplication app) =>
        app.MapMethods("/logos/{id:int}-{hash:regex(^[0-9a-f]{{16}}$)}-{size:int}.png", FileMethods.GetAndHead, async (int id, string hash, int size, AppDbContext db, HttpContext http) =>
        {
            if (!ApplicationLogo.IsSize(size))
            {
                return Results.NotFound();
            }

            var picture = await db.ApplicationLogos.AsNoTracking()
                .Where(l => l.ApplicationId == id && l.Hash == hash
                    && db.Applications.Any(a => a.Id == id && a.Status == ApplicationStatus.Published))
                .Select(l => size == ApplicationLogo.SmallSize ? l.Small : l.Large)
                .FirstOrDefaultAsync();
            if (picture is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(picture, "image/png");
        }).WithName(Route);

    /// <summary>The address of a published logo in the given size.</summary>
    public static string? Url(IUrlHelper url, int id, string hash, int size) =>
        url.RouteUrl(Route, new { id, hash, size });

    /// <summary>The hashes of the logos of these applications (no pictures loaded), by application id.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> HashesAsync(AppDbContext db, IReadOnlyCollection<int> ids) =>
        ids.Count == 0
            ? new Dictionary<int, string>()
            : await db.ApplicationLogos.AsNoTracking().Where(l => ids.Contains(l.ApplicationId))
                .Select(l => new { l.ApplicationId, l.Hash }) // projected first: the pictures stay in the database
                .ToDictionaryAsync(l => l.ApplicationId, l => l.Hash);
}
