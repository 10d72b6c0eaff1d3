using System.Globalization;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>
/// The authenticator (TOTP) check, with Otp.NET: a code is valid two 30-second steps either side,
/// as Identity's own check allows, and only once. The step of every accepted code is remembered
/// while it could still be valid and claimed atomically (<see cref="AccountRow"/>), so neither a code
/// seen over someone's shoulder nor the same code sent twice at once gets in a second time.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(AppDbContext db, TimeProvider clock) : AuthenticatorTokenProvider<Moderator>
{
    private const int StepsEitherSide = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<Moderator> manager, Moderator user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(now, code, out var step, new VerificationWindow(StepsEitherSide, StepsEitherSide)))
        {
            return false;
        }

        var oldest = step - (2 * StepsEitherSide);
        return await AccountRow.ChangeAsync<bool>(db, user.Id, current =>
        {
            var used = Parse(current.UsedAuthenticatorSteps).Where(s => s >= oldest).ToList();
            if (used.Contains(step))
            {
                return (null, false);
            }

            var remembered = string.Join(',', used.Append(step).Order().Select(s => s.ToString(CultureInfo.InvariantCulture)));
            return (s => s.SetProperty(u => u.UsedAuthenticatorSteps, remembered), true);
        });
    }

    private static IEnumerable<long> Parse(string? steps) =>
        (steps ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture));
}
