using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>/konto/anmelden: e-mail and password; the second factor follows on its own page.</summary>
[EnableRateLimiting(RateLimits.Forms)]
[PrivatePage]
public sealed class LoginModel(
    SignInManager<Moderator> signIn,
    UserManager<Moderator> users,
    AppDbContext db,
    TimeProvider clock,
    PasskeySignIn passkeys,
    IOptions<AccountOptions> options) : PageModel, IPageMetadata
{
    /// <summary>One message for every failure, so it never tells whether an account exists or is locked.</summary>
    public const string FailedMessage =
        "Die Anmeldung hat nicht geklappt. Bitte prüfen Sie E-Mail-Adresse und Passwort. Nach fünf Fehlversuchen ist die Anmeldung für 15 Minuten gesperrt.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string PageTitle => "Anmelden";

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

        var email = Input.Email!.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            DummyPassword.Verify(users.PasswordHasher, Input.Password!); // as long as for a real account
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginCode", new { ReturnUrl = SafeReturnUrl(Url, ReturnUrl) });
        }

        if (result.Succeeded)
        {
            if (options.Value.RequireTwoFactor)
            {
                // Password alone is not enough for moderators; accounts enrol a second factor with their invitation.
                await signIn.SignOutAsync();
                await AccountAudit.RecordAsync(db, clock, user!.Email!, AuditAction.LoginFailed, "Keine Zwei-Faktor-Anmeldung eingerichtet");
                ModelState.AddModelError(string.Empty, "Für Ihr Konto ist noch keine Zwei-Faktor-Anmeldung eingerichtet. Bitte lassen Sie sich neu einladen.");
                return Page();
            }

            await AccountAudit.RecordAsync(db, clock, user!.Email!, AuditAction.LoginSucceeded);
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        await AccountAudit.RecordAsync(db, clock, user?.Email ?? AuditActors.UnknownAccount,
            result.IsLockedOut ? AuditAction.LockedOut : AuditAction.LoginFailed);
        ModelState.AddModelError(string.Empty, FailedMessage);
        return Page();
    }

    /// <summary>The challenge for a passkey, fetched by passkeys.js when the person chooses to sign in with one.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await passkeys.RequestOptionsAsync(HttpContext, null), "application/json");

    /// <summary>A passkey alone signs in: it is a device and its PIN or fingerprint, two factors in one.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential)
    {
        if (await passkeys.SignInAsync(HttpContext, credential, expected: null) is not null)
        {
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        ModelState.Clear();
        ModelState.AddModelError(string.Empty, PasskeyFailedMessage);
        return Page();
    }

    public const string PasskeyFailedMessage = "Die Anmeldung mit dem Passkey hat nicht geklappt. Bitte versuchen Sie es erneut oder melden Sie sich mit Passwort und Code an.";

    /// <summary>Only addresses of this site; anything else goes to the moderation start page.</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/moderation";

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [StringLength(254, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort an.")]
        [StringLength(200, ErrorMessage = "Das Passwort ist zu lang.")]
        public string? Password { get; set; }
    }
}
