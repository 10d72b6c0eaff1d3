using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>
/// Identity's sign-in, with two gaps closed: a wrong recovery code counts towards the lockout like
/// a wrong password or app code, and every refused attempt costs a password hash, so the answer's
/// timing does not tell a locked account from an open one (see <see cref="DummyPassword"/>).
/// </summary>
public sealed class ModeratorSignInManager(
    UserManager<Moderator> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Moderator> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Moderator>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Moderator> confirmation)
    : SignInManager<Moderator>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> CheckPasswordSignInAsync(Moderator user, string password, bool lockoutOnFailure)
    {
        if (await UserManager.IsLockedOutAsync(user))
        {
            DummyPassword.Verify(UserManager.PasswordHasher, password);
            return SignInResult.LockedOut;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInResult.Failed;
        }

        if (await UserManager.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }

        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (result.Succeeded || result.IsLockedOut)
        {
            return result;
        }

        await UserManager.AccessFailedAsync(user);
        return await UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
    }
}

/// <summary>A password hash checked when there is no real one to check, so every refusal takes as long as a wrong password.</summary>
public static class DummyPassword
{
    private static readonly Lazy<string> Hash = new(() => new PasswordHasher<Moderator>().HashPassword(new Moderator(), Guid.NewGuid().ToString()));

    public static void Verify(IPasswordHasher<Moderator> hasher, string password) =>
        hasher.VerifyHashedPassword(new Moderator(), Hash.Value, password);
}
