using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>/moderation/admin/moderatoren: admins invite and disable moderators and see who uses two factors.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ModeratorsModel(ModeratorAccounts accounts) : ModerationPageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    [BindProperty]
    public string? DisableEmail { get; set; }

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
            var (link, error) = await accounts.InviteAsync(Input.Email!, Input.Admin, Actor);
            if (error is null)
            {
                InvitationLink = link;
                TempData.SetStatusMessage($"Einladung für {Input.Email!.Trim()} erstellt.");
                return RedirectToPage();
            }
            else
            {
                ModelState.AddModelError("Input.Email", error);
            }
        }

        Moderators = await accounts.ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (string.Equals(DisableEmail, User.Identity?.Name, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(string.Empty, "Ihr eigenes Konto können Sie hier nicht sperren.");
        }
        else if (DisableEmail is null || !await accounts.DisableAsync(DisableEmail, Actor))
        {
            ModelState.AddModelError(string.Empty, "Dieses Konto ist bereits gesperrt oder existiert nicht.");
        }
        else
        {
            TempData.SetStatusMessage($"{DisableEmail} ist gesperrt; offene Sitzungen sind beendet.");
            return RedirectToPage();
        }

        Moderators = await accounts.ListAsync();
        return Page();
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Bitte geben Sie die E-Mail-Adresse an.")]
        [StringLength(254, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string? Email { get; set; }

        public bool Admin { get; set; }
    }
}
