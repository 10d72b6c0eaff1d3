using System.Security.Cryptography;
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

    /// <summary>
    /// Voids every way the person signs in, in one save that checks the row's concurrency stamp: the
    /// password (unless <paramref name="keepPassword"/>), the authenticator key (a new one is made for
    /// the enrolment), the recovery codes, every passkey, every session (a new security stamp) and a
    /// lockout. <paramref name="withNewStamp"/> runs once all that is set, before the save (tokens
    /// made there are valid afterwards); what it and the caller added to the context (the mail, the
    /// audit entry) is saved with it. Returns its result, or null when a parallel request changed the
    /// row first and nothing was saved.
    /// </summary>
    public async Task<T?> StartOverAsync<T>(Moderator user, bool keepPassword, DateTime now, Func<Task<T>> withNewStamp)
        where T : class
    {
        if (!keepPassword)
        {
            user.PasswordHash = null;
        }

        user.TwoFactorEnabled = false;
        user.UsedAuthenticatorSteps = null;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.InvitedAt = now;
        await ((IUserAuthenticatorKeyStore<Moderator>)Store).SetAuthenticatorKeyAsync(user, GenerateNewAuthenticatorKey(), CancellationToken);
        await ((IUserTwoFactorRecoveryCodeStore<Moderator>)Store).ReplaceCodesAsync(user, [], CancellationToken);
        var passkeys = (IUserPasskeyStore<Moderator>)Store;
        foreach (var passkey in await passkeys.GetPasskeysAsync(user, CancellationToken))
        {
            await passkeys.RemovePasskeyAsync(user, passkey.CredentialId, CancellationToken);
        }

        await ((IUserSecurityStampStore<Moderator>)Store).SetSecurityStampAsync(user, Convert.ToHexString(RandomNumberGenerator.GetBytes(20)), CancellationToken);
        var result = await withNewStamp();
        try
        {
            return (await UpdateUserAsync(user)).Succeeded ? result : null; // a changed concurrency stamp fails here
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return null; // the parallel request also wrote the first authenticator key or recovery codes
        }
    }
}
