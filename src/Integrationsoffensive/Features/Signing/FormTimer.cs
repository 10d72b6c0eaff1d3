using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Integrationsoffensive.Features.Signing;

/// <summary>When a form was shown, and which showing it was: read back from the form's hidden field.</summary>
public sealed record FormStamp(DateTimeOffset Shown, string Nonce);

/// <summary>
/// Remembers in a hidden field when the form was shown, protected so it cannot be forged, to
/// recognise submissions faster than a person can type. Each stamp carries a random nonce that the
/// application stores (unique), so one fetched form carries one application, not a script's many.
/// A missing or tampered value counts as too fast; the person is told and simply sends again.
/// No cookie is needed for any of this.
/// </summary>
public sealed class FormTimer(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Integrationsoffensive.Signing.FormTimer");

    public string Start() => _protector.Protect(
        clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "|" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <summary>The stamp, or null if it is missing, forged or not one of ours.</summary>
    public FormStamp? Read(string? stamp)
    {
        try
        {
            var parts = _protector.Unprotect(stamp ?? "").Split('|');
            return parts is [var millis, { Length: 32 } nonce]
                ? new FormStamp(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(millis, CultureInfo.InvariantCulture)), nonce)
                : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public bool WasFilledTooFast(FormStamp? stamp, TimeSpan minimum) =>
        minimum > TimeSpan.Zero && (stamp is null || clock.GetUtcNow() - stamp.Shown < minimum);
}
