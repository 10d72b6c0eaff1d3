using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Domain;

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
}
