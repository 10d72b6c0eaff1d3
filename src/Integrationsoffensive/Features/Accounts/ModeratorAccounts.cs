using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Accounts;

public sealed record ModeratorSummary(string Email, bool IsAdmin, bool TwoFactorEnabled, bool IsDisabled, DateTime CreatedAt);

/// <summary>
/// Inviting, listing and disabling moderators: used by the command line and the admin pages.
/// An invitation is a one-time link (valid 24 hours) where the person sets a password and
/// enrols an authenticator app; there is no default account and no public registration.
/// </summary>
public sealed class ModeratorAccounts(
    UserManager<Moderator> users,
    RoleManager<IdentityRole> roles,
    AppDbContext db,
    SiteLinks links,
    TimeProvider clock)
{
    public async Task<(string? Link, string? Error)> InviteAsync(string email, bool admin, string actor)
    {
        var address = EmailAddress.Normalize(TextInput.SingleLine(email) ?? "");
        if (address is null)
        {
            return (null, "Bitte geben Sie eine gültige E-Mail-Adresse an.");
        }

        foreach (var role in new[] { Roles.Moderator, Roles.Admin })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = await users.FindByEmailAsync(address);
        if (user is { TwoFactorEnabled: true } || user is { IsDisabled: true })
        {
            return (null, "Für diese E-Mail-Adresse gibt es bereits ein Konto.");
        }

        if (user is null)
        {
            user = new Moderator { UserName = address, Email = address, EmailConfirmed = true, CreatedAt = now };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return (null, created.Errors.First().Description);
            }

            await users.AddToRoleAsync(user, Roles.Moderator);
            if (admin)
            {
                await users.AddToRoleAsync(user, Roles.Admin);
            }
        }

        db.AuditEntries.Add(new AuditEntry(now, actor, AuditAction.ModeratorInvited, $"{address}{(admin ? " (Admin)" : "")} eingeladen"));
        await db.SaveChangesAsync();

        // The authenticator key is made with the invitation: it changes the security stamp, which
        // the invitation token depends on, and the invitation page must not change state on GET.
        user.InvitedAt = now;
        await users.ResetAuthenticatorKeyAsync(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return (links.Page("/Accounts/Invitation", new { id = user.Id, token }), null);
    }

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
}
