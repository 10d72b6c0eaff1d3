using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>/konto/anmelden/code: the code from the authenticator app, or a recovery code.</summary>
[EnableRateLimiting(RateLimits.Forms)]
[PrivatePage]
public sealed class LoginCodeModel(SignInManager<Moderator> signIn, PasskeySignIn passkeys, AppDbContext db, TimeProvider clock) : PageModel, IPageMetadata
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string PageTitle => "Anmelden: Code eingeben";

    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.Code!.Replace(" ", "", StringComparison.Ordinal);
        var result = code.Length > 8
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await AccountAudit.RecordAsync(db, clock, user.Email!, AuditAction.LoginSucceeded, code.Length > 8 ? "mit Wiederherstellungscode" : "");
            return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
        }

        await AccountAudit.RecordAsync(db, clock, user.Email!, result.IsLockedOut ? AuditAction.LockedOut : AuditAction.LoginFailed, "Code falsch");
        ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Code),
            result.IsLockedOut ? LoginModel.FailedMessage : "Der Code stimmt nicht oder wurde schon verwendet. Bitte nehmen Sie den nächsten Code aus Ihrer App.");
        return Page();
    }

    /// <summary>The challenge for a passkey of the person who gave the password, fetched by passkeys.js.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is { } user
            ? Content(await passkeys.RequestOptionsAsync(HttpContext, user), "application/json")
            : NotFound();

    /// <summary>The person's own passkey as the second factor, instead of an app code.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (await passkeys.SignInAsync(HttpContext, credential, expected: user) is not null)
        {
            return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
        }

        ModelState.Clear();
        ModelState.AddModelError(string.Empty, LoginModel.PasskeyFailedMessage);
        return Page();
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Bitte geben Sie den Code aus Ihrer App ein.")]
        [StringLength(20, ErrorMessage = "Der Code ist zu lang.")]
        public string? Code { get; set; }
    }
}
