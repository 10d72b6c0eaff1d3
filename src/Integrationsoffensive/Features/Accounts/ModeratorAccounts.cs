using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Accounts;

public sealed record ModeratorSummary(string Email, bool IsAdmin, bool TwoFactorEnabled, bool IsDisabled, DateTime CreatedAt);

/// <summary>
/// What an account action did: the invitation link (for the command line and the admin page), or a
/// German error; neither when a parallel request did the same a moment earlier (its mail is on the way).
/// </summary>
public sealed record AccountResult(string? Link, string? Error)
{
    public static readonly AccountResult DoneByAnotherRequest = new(null, null);

    public static AccountResult Failed(string error) => new(null, error);
}

/// <summary>
/// Inviting, re-inviting, listing, disabling and enabling moderators: used by the command line and
/// the admin pages. An invitation is a one-time link (valid 24 hours), sent by mail through the
/// outbox, where the person sets a password and enrols an authenticator app; there is no default
/// account and no public registration. Re-inviting voids the old password and factors at once.
/// </summary>
public sealed class ModeratorAccounts(
    ModeratorUserManager users,
    RoleManager<IdentityRole> roles,
    AppDbContext db,
    SiteLinks links,
    ModeratorMails mails,
    IOptions<AccountOptions> options,
    TimeProvider clock)
{
    public const string NoAccount = "Für diese E-Mail-Adresse gibt es kein Konto.";

    /// <summary>An invitation made this recently still stands: asking again within it sends nothing new.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(1);

    /// <summary>A newcomer, or someone who has not finished enrolling (a fresh link).</summary>
    public async Task<AccountResult> InviteAsync(string email, bool admin, string actor)
    {
        var address = EmailAddress.Normalize(TextInput.SingleLine(email) ?? "");
        if (address is null)
        {
            return AccountResult.Failed("Bitte geben Sie eine gültige E-Mail-Adresse an.");
        }

        foreach (var role in new[] { Roles.Moderator, Roles.Admin })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var user = await users.FindByEmailAsync(address);
        if (user is { TwoFactorEnabled: true } || user is { IsDisabled: true })
        {
            return AccountResult.Failed("Für diese E-Mail-Adresse gibt es bereits ein Konto.");
        }

        if (user is null)
        {
            user = new Moderator { UserName = address, Email = address, EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return AccountResult.Failed(created.Errors.First().Description);
            }

            await users.AddToRoleAsync(user, Roles.Moderator);
            if (admin)
            {
                await users.AddToRoleAsync(user, Roles.Admin);
            }
        }

        return await StartOverAsync(user, keepPassword: false, actor, AuditAction.ModeratorInvited, $"{address}{(admin ? " (Admin)" : "")} eingeladen");
    }

    /// <summary>An existing moderator starts over: new password and authenticator; the old ones, passkeys and sessions are void at once.</summary>
    public Task<AccountResult> ReinviteAsync(string email, string actor) =>
        ExistingAsync(email, user => StartOverAsync(user, keepPassword: false, actor, AuditAction.ModeratorReinvited,
            $"{user.Email} neu eingeladen; Passwort, Authenticator-App, Wiederherstellungscodes und Passkeys ungültig"));

    /// <summary>The password stays; authenticator, recovery codes, passkeys and sessions are void, a link sets up a new factor.</summary>
    public Task<AccountResult> ResetTwoFactorAsync(string email, string actor) =>
        ExistingAsync(email, user => StartOverAsync(user, keepPassword: true, actor, AuditAction.TwoFactorReset,
            $"{user.Email}: Authenticator-App, Wiederherstellungscodes und Passkeys ungültig"));

    public async Task<IReadOnlyList<ModeratorSummary>> ListAsync()
    {
        var admins = (await users.GetUsersInRoleAsync(Roles.Admin)).Select(u => u.Id).ToHashSet();
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        return all.Select(u => new ModeratorSummary(u.Email!, admins.Contains(u.Id), u.TwoFactorEnabled, u.IsDisabled, u.CreatedAt)).ToList();
    }

    /// <summary>Locks the account for good and changes its security stamp, which ends its open sessions at once.</summary>
    public async Task<bool> DisableAsync(string email, string actor)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        user.DisabledAt = clock.GetUtcNow().UtcDateTime;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        db.AuditEntries.Add(new AuditEntry(user.DisabledAt.Value, actor, AuditAction.ModeratorDisabled, $"{user.Email} deaktiviert"));
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    /// <summary>A disabled account works again, with the password and factors it had.</summary>
    public async Task<bool> EnableAsync(string email, string actor)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is not { IsDisabled: true })
        {
            return false;
        }

        user.DisabledAt = null;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor, AuditAction.ModeratorEnabled, $"{user.Email} wieder freigeschaltet"));
        return (await users.UpdateAsync(user)).Succeeded;
    }

    private async Task<AccountResult> ExistingAsync(string email, Func<Moderator, Task<AccountResult>> act) =>
        await users.FindByEmailAsync(email.Trim()) switch
        {
            null => AccountResult.Failed(NoAccount),
            { IsDisabled: true } => AccountResult.Failed("Dieses Konto ist gesperrt. Bitte schalten Sie es zuerst wieder frei."),
            var user => await act(user),
        };

    /// <summary>
    /// Voids the old way in and saves, together in one transaction, the audit entry and the mail with
    /// the new link. A parallel request that changed the account first wins; this one saves nothing.
    /// </summary>
    private async Task<AccountResult> StartOverAsync(Moderator user, bool keepPassword, string actor, AuditAction action, string details)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (user is { TwoFactorEnabled: false, InvitedAt: { } invited } && now - invited < RepeatWindow)
        {
            return AccountResult.DoneByAnotherRequest; // a double click, or two admins at once: one invitation
        }

        var validHours = options.Value.InvitationValidHours;
        db.AuditEntries.Add(new AuditEntry(now, actor, action, details));
        var started = await users.StartOverAsync(user, keepPassword, now, async () =>
        {
            var link = links.Page("/Accounts/Invitation", new { id = user.Id, token = await users.GeneratePasswordResetTokenAsync(user) });
            db.OutboxMessages.Add(mails.Invitation(user.Email!, link, validHours, keepPassword, now));
            return link;
        });
        if (started is null)
        {
            db.ChangeTracker.Clear();
            return AccountResult.DoneByAnotherRequest;
        }

        return new AccountResult(started, null);
    }
}
