using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>/konto/passwort-neu/{id}?t=…&amp;token=…: the link from the mail; a new password, once, within the hour.</summary>
[EnableRateLimiting(RateLimits.Forms)]
[TokenPage]
[PrivatePage]
public sealed class ResetPasswordModel(PasswordResets resets) : PageModel, IPageMetadata
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "t")]
    public long Issued { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Email { get; private set; }

    public bool Invalid { get; private set; }

    public string PageTitle => "Neues Passwort wählen";

    public bool NoIndex => true;

    public async Task OnGetAsync(string id) => await ValidLinkAsync(id);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await ValidLinkAsync(id);
        if (user is null)
        {
            return Page();
        }

        if (Input.Password != Input.PasswordRepeat)
        {
            ModelState.AddModelError("Input.PasswordRepeat", "Die beiden Passwörter stimmen nicht überein.");
        }

        if (ModelState.IsValid)
        {
            var result = await resets.ResetAsync(user, Input.Password!);
            if (result.Succeeded)
            {
                TempData.SetStatusMessage("Ihr neues Passwort ist gespeichert. Bitte melden Sie sich an.");
                return RedirectToPage("Login");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
        }

        return Page();
    }

    private async Task<Moderator?> ValidLinkAsync(string id)
    {
        var user = await resets.FindAsync(id, Issued, Token);
        Invalid = user is null;
        if (Invalid)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        Email = user?.Email;
        return user;
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Bitte wählen Sie ein neues Passwort.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Das neue Passwort muss mindestens {2} Zeichen lang sein.")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Bitte wiederholen Sie das neue Passwort.")]
        public string? PasswordRepeat { get; set; }
    }
}
