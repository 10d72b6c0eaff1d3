using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Integrationsoffensive.Features.Moderation.Admin;

/// <summary>/moderation/admin/moderatoren: admins invite and disable moderators and see who uses two factors.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ModeratorsModel(ModeratorAccounts accounts) : ModerationPageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    [BindProperty]
    public string? DisableEmail { get; set; }

    public IReadOnlyList<ModeratorSummary> Moderators { get; private set; } = [];

    public string? InvitationLink { get; private set; }

    public string? Message { get; private set; }

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
                Message = $"Einladung für {Input.Email!.Trim()} erstellt. Geben Sie den Link auf einem sicheren Weg weiter; er gilt 24 Stunden und nur einmal.";
                Input = new InviteInput();
                ModelState.Clear();
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
            Message = $"{DisableEmail} ist gesperrt; offene Sitzungen enden innerhalb einer Minute.";
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
