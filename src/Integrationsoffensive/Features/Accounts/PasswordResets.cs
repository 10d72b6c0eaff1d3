using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>
/// A moderator who forgot the password asks for a link by mail. The answer never says whether the
/// address has an account; the link works for an hour and once (it is bound to the security stamp,
/// which the new password changes); one mail per address and quarter of an hour at most. Signing in
/// still needs the second factor.
/// </summary>
public sealed class PasswordResets(
    UserManager<Moderator> users,
    AppDbContext db,
    SiteLinks links,
    ModeratorMails mails,
    TimeProvider clock)
{
    public const string Provider = "PasswordResetLink";
    public const string Purpose = "ForgottenPassword";
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan MailInterval = TimeSpan.FromMinutes(15);

    /// <summary>Queues the mail if the address belongs to an enrolled, enabled account; otherwise does nothing, silently.</summary>
    public async Task RequestAsync(string email)
    {
        var address = EmailAddress.Normalize(TextInput.SingleLine(email) ?? "");
        var user = address is null ? null : await users.FindByEmailAsync(address);
        var now = clock.GetUtcNow().UtcDateTime;
        if (user is not { IsDisabled: false, TwoFactorEnabled: true }
            || await db.OutboxMessages.AnyAsync(m => m.ToAddress == user.Email && m.Kind == MailKinds.PasswordReset && m.CreatedAt > now - MailInterval))
        {
            return;
        }

        // The time of the request is part of the token's purpose, so it cannot be changed in the link,
        // and the hour is counted on the site's clock.
        var issued = new DateTimeOffset(now).ToUnixTimeSeconds();
        var token = await users.GenerateUserTokenAsync(user, Provider, PurposeAt(issued));
        var link = links.Page("/Accounts/ResetPassword", new { id = user.Id, t = issued, token });
        db.OutboxMessages.Add(mails.PasswordReset(user.Email!, link, LinkLifetime.TotalMinutes, now));
        db.AuditEntries.Add(new AuditEntry(now, user.Email!, AuditAction.PasswordResetRequested));
        await db.SaveChangesAsync();
    }

    /// <summary>The account the link was made for, while the link is valid: within the hour, before its first use.</summary>
    public async Task<Moderator?> FindAsync(string id, long issued, string? token)
    {
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(issued, 0, 100_000_000_000));
        if (age < TimeSpan.Zero || age >= LinkLifetime || string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }

        var user = await users.FindByIdAsync(id);
        return user is { IsDisabled: false } && await users.VerifyUserTokenAsync(user, Provider, PurposeAt(issued), token) ? user : null;
    }

    private static string PurposeAt(long issued) => $"{Purpose}:{issued.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Sets the new password; this changes the security stamp, so the link and every session end.</summary>
    public async Task<IdentityResult> ResetAsync(Moderator user, string password)
    {
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (result.Succeeded)
        {
            await AccountAudit.RecordAsync(db, clock, user.Email!, AuditAction.PasswordChanged, "über den Link aus der E-Mail");
        }

        return result;
    }
}

/// <summary>The password link's own lifetime (an hour), apart from the invitations' 24 hours.</summary>
public sealed class PasswordResetLinkTokenProvider(
    IDataProtectionProvider protection,
    IOptions<PasswordResetLinkTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<Moderator>> logger)
    : DataProtectorTokenProvider<Moderator>(protection, options, logger);

public sealed class PasswordResetLinkTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetLinkTokenProviderOptions()
    {
        Name = PasswordResets.Provider;
        TokenLifespan = PasswordResets.LinkLifetime;
    }
}
