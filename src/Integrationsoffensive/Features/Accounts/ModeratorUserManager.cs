using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>
/// Identity's user manager with lockout that holds when attempts arrive in parallel. Identity
/// counts a failure by reading the user, adding one and saving: overlapping requests lose updates,
/// and the loser's save fails. Here each failure is one atomic change of the row (see
/// <see cref="AccountRow"/>), the lockout state is always read fresh, and an attempt whose password
/// or code was right still fails if parallel failures locked the account in the meantime.
/// </summary>
public sealed class ModeratorUserManager(
    IUserStore<Moderator> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<Moderator> passwordHasher,
    IEnumerable<IUserValidator<Moderator>> userValidators,
    IEnumerable<IPasswordValidator<Moderator>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<Moderator>> logger,
    AppDbContext db,
    TimeProvider clock)
    : UserManager<Moderator>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(Moderator user)
    {
        var lockout = Options.Lockout;
        var now = clock.GetUtcNow();
        await AccountRow.ChangeAsync<bool>(db, user.Id, current =>
        {
            if (current.LockoutEnd > now)
            {
                return (s => s.SetProperty(u => u.AccessFailedCount, current.AccessFailedCount + 1), true);
            }

            var failures = current.AccessFailedCount + 1;
            return failures >= lockout.MaxFailedAccessAttempts
                ? (s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, now + lockout.DefaultLockoutTimeSpan), true)
                : (s => s.SetProperty(u => u.AccessFailedCount, failures), false);
        });
        return IdentityResult.Success;
    }

    public override async Task<IdentityResult> ResetAccessFailedCountAsync(Moderator user)
    {
        await AccountRow.ChangeAsync<bool>(db, user.Id, current =>
            current.AccessFailedCount == 0 ? (null, true) : (s => s.SetProperty(u => u.AccessFailedCount, 0), true));
        return IdentityResult.Success;
    }

    /// <summary>Read from the database, never from a copy loaded before a parallel failure locked the account.</summary>
    public override async Task<bool> IsLockedOutAsync(Moderator user)
    {
        await AccountRow.RefreshAsync(db, user.Id);
        return user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow();
    }

    public override async Task<bool> CheckPasswordAsync(Moderator user, string password) =>
        await base.CheckPasswordAsync(user, password) && !await IsLockedOutAsync(user);

    public override async Task<bool> VerifyTwoFactorTokenAsync(Moderator user, string tokenProvider, string token) =>
        await base.VerifyTwoFactorTokenAsync(user, tokenProvider, token) && !await IsLockedOutAsync(user);
}
