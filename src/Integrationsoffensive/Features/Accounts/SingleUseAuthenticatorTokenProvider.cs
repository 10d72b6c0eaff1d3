using System.Security.Cryptography;
using System.Text;
using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Identity;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>
/// Identity's authenticator (TOTP) check, plus: a code that was accepted once is refused while it
/// could still be valid, so a code seen over someone's shoulder cannot be replayed.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<Moderator>
{
    // Identity accepts codes up to 90 seconds off in each direction.
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(4);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<Moderator> manager, Moderator user)
    {
        var code = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id + ":" + code)));
        var now = clock.GetUtcNow().UtcDateTime;
        if (user.LastAuthenticatorCodeHash == hash && user.LastAuthenticatorCodeAt > now - ReplayWindow)
        {
            return false;
        }

        if (!await base.ValidateAsync(purpose, code, manager, user))
        {
            return false;
        }

        user.LastAuthenticatorCodeHash = hash;
        user.LastAuthenticatorCodeAt = now;
        await manager.UpdateAsync(user);
        return true;
    }
}
