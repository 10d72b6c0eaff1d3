using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>/konto/passwort: a changed password also ends the account's other sessions (new security stamp).</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.Moderator)]
[PrivatePage]
public sealed class ChangePasswordModel(UserManager<Moderator> users, SignInManager<Moderator> signIn, AppDbContext db, TimeProvider clock) : PageModel, IPageMetadata
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public string PageTitle => "Passwort ändern";

    public bool NoIndex => true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.NewPassword != Input.NewPasswordRepeat)
        {
            ModelState.AddModelError("Input.NewPasswordRepeat", "Die beiden neuen Passwörter stimmen nicht überein.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        await AccountAudit.RecordAsync(db, clock, user.Email!, AuditAction.PasswordChanged);
        TempData.SetStatusMessage("Ihr Passwort ist geändert. Andere Sitzungen mit Ihrem Konto sind beendet.");
        return RedirectToPage();
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihr bisheriges Passwort an.")]
        public string? CurrentPassword { get; set; }

        [Required(ErrorMessage = "Bitte wählen Sie ein neues Passwort.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Das neue Passwort muss mindestens {2} Zeichen lang sein.")]
        public string? NewPassword { get; set; }

        [Required(ErrorMessage = "Bitte wiederholen Sie das neue Passwort.")]
        public string? NewPasswordRepeat { get; set; }
    }
}
