using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// Remembers in a hidden field when the form was shown, protected so it cannot be forged, to
/// recognise submissions faster than a person can type. A missing or tampered value counts as
/// too fast; the person is told and simply sends again.
/// </summary>
public sealed class FormTimer(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Integrationsoffensive.Signing.FormTimer");

    public string Start() =>
        _protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    public bool WasFilledTooFast(string? stamp, TimeSpan minimum)
    {
        if (minimum <= TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            var started = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(_protector.Unprotect(stamp ?? ""), CultureInfo.InvariantCulture));
            return clock.GetUtcNow() - started < minimum;
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return true;
        }
    }
}
