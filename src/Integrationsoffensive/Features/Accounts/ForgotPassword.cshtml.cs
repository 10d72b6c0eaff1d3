using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>/konto/passwort-vergessen: asks for a link by mail; the answer is the same whether or not the address has an account.</summary>
[EnableRateLimiting(RateLimits.Forms)]
[PrivatePage]
public sealed class ForgotPasswordModel(PasswordResets resets) : PageModel, IPageMetadata
{
    public const string Answer =
        "Wenn zu dieser Adresse ein Zugang gehört, ist eine E-Mail mit einem Link unterwegs. Der Link gilt eine Stunde und nur einmal. Kommt nichts an, prüfen Sie bitte den Spam-Ordner oder fragen Sie eine Admin.";

    [BindProperty]
    public EmailInput Input { get; set; } = new();

    [TempData]
    public bool Sent { get; set; }

    public string PageTitle => "Passwort vergessen";

    public bool NoIndex => true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await resets.RequestAsync(Input.Email!);
        Sent = true;
        return RedirectToPage();
    }

    public sealed class EmailInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [StringLength(254, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string? Email { get; set; }
    }
}
