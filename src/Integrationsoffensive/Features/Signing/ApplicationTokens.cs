using Integrationsoffensive.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Signing;

public static class ApplicationTokens
{
    /// <summary>The token with its application, found by the hash of the value in the link.</summary>
    public static Task<ApplicationToken?> FindAsync(AppDbContext db, string? value, TokenPurpose purpose)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 100)
        {
            return Task.FromResult<ApplicationToken?>(null);
        }

        var hash = ApplicationToken.HashOf(value);
        return db.ApplicationTokens
            .Include(t => t.Application)
            .SingleOrDefaultAsync(t => t.Hash == hash && t.Purpose == purpose);
    }

    /// <summary>
    /// Pages with a token in their address must not pass it on: no referrer to linked sites, and
    /// never stored in a shared cache.
    /// </summary>
    public static void ProtectTokenPage(HttpResponse response)
    {
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }
}
