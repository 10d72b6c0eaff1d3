using System.Security.Claims;
using System.Security.Cryptography;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>
/// Signing in with a passkey, with the framework's own passkey handler: on its own (a user-verified
/// passkey is two factors in one: the device and its PIN or fingerprint), or as the second step
/// after the password, where only that person's passkeys count. The ceremony's state lives in a
/// cookie of its own (five minutes, one use), so the password step's state survives a passkey that
/// is cancelled and the person can still type an app code.
/// </summary>
public sealed class PasskeySignIn(
    IPasskeyHandler<Moderator> passkeys,
    SignInManager<Moderator> signIn,
    UserManager<Moderator> users,
    IDataProtectionProvider protection,
    AppDbContext db,
    TimeProvider clock)
{
    public const string CookieName = "passkey-anmeldung";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Integrationsoffensive.Accounts.PasskeySignIn").ToTimeLimitedDataProtector();

    /// <summary>The options for <c>navigator.credentials.get</c>: any passkey of the site, or only <paramref name="user"/>'s.</summary>
    public async Task<string> RequestOptionsAsync(HttpContext http, Moderator? user)
    {
        var options = await passkeys.MakeRequestOptionsAsync(user, http);
        http.Response.Cookies.Append(CookieName, _protector.Protect(options.AssertionState ?? "", Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/konto",
            IsEssential = true,
            MaxAge = Lifetime,
        });
        return options.RequestOptionsJson;
    }

    /// <summary>
    /// Verifies the passkey's answer and signs its owner in with two factors; with <paramref name="expected"/>
    /// (the person who gave the password) only their passkey counts. Null when nothing was signed in.
    /// </summary>
    public async Task<Moderator?> SignInAsync(HttpContext http, string? credentialJson, Moderator? expected)
    {
        var state = http.Request.Cookies[CookieName];
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/konto", Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict });
        var user = await VerifyAsync(http, state, credentialJson);
        if (user is null || (expected is not null && user.Id != expected.Id) || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            return null;
        }

        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa"), new Claim("amr", "passkey")]);
        await AccountAudit.RecordAsync(db, clock, user.Email!, AuditAction.LoginSucceeded, "mit Passkey");
        return user;
    }

    private async Task<Moderator?> VerifyAsync(HttpContext http, string? state, string? credentialJson)
    {
        if (state is null || string.IsNullOrEmpty(credentialJson) || credentialJson.Length > 20_000)
        {
            return null;
        }

        try
        {
            var result = await passkeys.PerformAssertionAsync(new PasskeyAssertionContext
            {
                CredentialJson = credentialJson,
                AssertionState = _protector.Unprotect(state),
                HttpContext = http,
            });
            if (!result.Succeeded)
            {
                return null;
            }

            await users.AddOrUpdatePasskeyAsync(result.User, result.Passkey); // the new signature count
            return result.User;
        }
        catch (Exception exception) when (exception is PasskeyException or CryptographicException)
        {
            return null; // a forged, stale or foreign answer
        }
    }
}
