using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>
/// /moderation/admin/moderatoren: admins invite moderators and see who uses two factors; re-invite
/// (new password and factors), reset the two factors, disable and enable accounts. Invitations go
/// out by mail; the link is shown once as well, to pass on another way if mail does not arrive.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ModeratorsModel(ModeratorAccounts accounts) : ModerationPageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    /// <summary>The account a row's button acts on.</summary>
    [BindProperty]
    public string? AccountEmail { get; set; }

    public IReadOnlyList<ModeratorSummary> Moderators { get; private set; } = [];

    /// <summary>Shown once after the redirect that follows an invitation, so a refresh sends nothing again.</summary>
    [TempData]
    public string? InvitationLink { get; set; }

    public override string PageTitle => "Moderator*innen";

    public async Task OnGetAsync() => Moderators = await accounts.ListAsync();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (ModelState.IsValid)
        {
            var result = await accounts.InviteAsync(Input.Email!, Input.Admin, Actor);
            if (result.Error is null)
            {
                Done(result, $"Einladung für {Input.Email!.Trim()} per E-Mail verschickt.");
                return RedirectToPage();
            }

            ModelState.AddModelError("Input.Email", result.Error);
        }

        Moderators = await accounts.ListAsync();
        return Page();
    }

    public Task<IActionResult> OnPostReinviteAsync() => OnOtherAccountAsync(async email =>
    {
        var result = await accounts.ReinviteAsync(email, Actor);
        return result.Error ?? Done(result, $"{email} ist neu eingeladen (per E-Mail). Das alte Passwort, die Authenticator-App und die Passkeys gelten nicht mehr; offene Sitzungen sind beendet.");
    });

    public Task<IActionResult> OnPostResetTwoFactorAsync() => OnOtherAccountAsync(async email =>
    {
        var result = await accounts.ResetTwoFactorAsync(email, Actor);
        return result.Error ?? Done(result, $"Die zwei Faktoren von {email} sind zurückgesetzt; ein Link zum Einrichten ist per E-Mail unterwegs. Offene Sitzungen sind beendet.");
    });

    public Task<IActionResult> OnPostDisableAsync() => OnOtherAccountAsync(async email =>
        await accounts.DisableAsync(email, Actor)
            ? Done(null, $"{email} ist gesperrt; offene Sitzungen sind beendet.")
            : "Dieses Konto ist bereits gesperrt oder existiert nicht.");

    public Task<IActionResult> OnPostEnableAsync() => OnOtherAccountAsync(async email =>
        await accounts.EnableAsync(email, Actor)
            ? Done(null, $"{email} ist wieder freigeschaltet.")
            : "Dieses Konto ist nicht gesperrt oder existiert nicht.");

    /// <summary>Acts on another person's account; <paramref name="act"/> returns an error, or null after <see cref="Done"/>.</summary>
    private async Task<IActionResult> OnOtherAccountAsync(Func<string, Task<string?>> act)
    {
        var email = AccountEmail?.Trim();
        var error = string.IsNullOrEmpty(email) ? ModeratorAccounts.NoAccount
            : string.Equals(email, User.Identity?.Name, StringComparison.OrdinalIgnoreCase) ? "Ihr eigenes Konto können Sie hier nicht ändern."
            : await act(email);
        if (error is null)
        {
            return RedirectToPage();
        }

        ModelState.AddModelError(string.Empty, error);
        Moderators = await accounts.ListAsync();
        return Page();
    }

    /// <summary>
    /// Leaves the message (and the link, if this request made one) for the page after the redirect.
    /// Without a link, a parallel request sent the same invitation a moment earlier: its mail stands.
    /// </summary>
    private string? Done(AccountResult? result, string message)
    {
        InvitationLink = result?.Link;
        TempData.SetStatusMessage(message);
        return null;
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Bitte geben Sie die E-Mail-Adresse an.")]
        [StringLength(254, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string? Email { get; set; }

        public bool Admin { get; set; }
    }
}
