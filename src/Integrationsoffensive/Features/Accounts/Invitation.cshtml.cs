using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>
/// /konto/einladung/{id}?token=…: the invited person sets a password and enrols an authenticator
/// app in one step, then sees recovery codes once. After an admin reset only the two factors, the
/// person proves the password they have instead of choosing one. The token works once and for 24 hours.
/// </summary>
[EnableRateLimiting(RateLimits.Forms)]
[TokenPage]
[PrivatePage]
public sealed class InvitationModel(
    UserManager<Moderator> users,
    SignInManager<Moderator> signIn,
    AppDbContext db,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<AccountOptions> options) : PageModel, IPageMetadata
{
    public const string Issuer = "Integrationsoffensive";

    [BindProperty]
    public InvitationInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Email { get; private set; }

    public string? SharedKey { get; private set; }

    public string? QrCodeDataUri { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public bool Invalid { get; private set; }

    /// <summary>The account keeps its password (only the two factors were reset): the person types it instead of a new one.</summary>
    public bool KeepsPassword { get; private set; }

    public string PageTitle => "Einladung annehmen";

    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await ValidInvitationAsync(id);
        if (user is null)
        {
            return Page();
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await ValidInvitationAsync(id);
        if (user is null)
        {
            return Page();
        }

        if (!KeepsPassword && Input.PasswordRepeat is null)
        {
            ModelState.AddModelError("Input.PasswordRepeat", "Bitte wiederholen Sie das Passwort.");
        }

        if (!ModelState.IsValid)
        {
            await ShowKeyAsync(user);
            return Page();
        }

        if (!KeepsPassword && Input.Password != Input.PasswordRepeat)
        {
            ModelState.AddModelError("Input.PasswordRepeat", "Die beiden Passwörter stimmen nicht überein.");
        }

        if (KeepsPassword && !(await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true)).Succeeded)
        {
            ModelState.AddModelError("Input.Password", "Das Passwort stimmt nicht. Nach fünf Fehlversuchen ist das Konto für 15 Minuten gesperrt.");
        }

        var code = Input.Code!.Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", "Der Code stimmt nicht. Bitte geben Sie den aktuellen Code aus Ihrer App ein.");
        }

        if (ModelState.IsValid && !KeepsPassword)
        {
            var reset = await users.ResetPasswordAsync(user, Token!, Input.Password!);
            foreach (var error in reset.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            }
        }

        if (!ModelState.IsValid)
        {
            await ShowKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await AccountAudit.RecordAsync(db, clock, user.Email!, AuditAction.TwoFactorEnabled,
            KeepsPassword ? "Zweiten Faktor neu eingerichtet" : "Einladung angenommen, Passwort gesetzt");
        return Page();
    }

    private async Task<Moderator?> ValidInvitationAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        var valid = user is { IsDisabled: false, TwoFactorEnabled: false, InvitedAt: { } invitedAt }
            && clock.GetUtcNow().UtcDateTime < invitedAt.AddHours(options.Value.InvitationValidHours)
            && !string.IsNullOrEmpty(Token)
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<Moderator>.ResetPasswordTokenPurpose, Token);
        Invalid = !valid;
        if (!valid)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return null;
        }

        Email = user!.Email;
        KeepsPassword = await users.HasPasswordAsync(user);
        return user;
    }

    private async Task ShowKeyAsync(Moderator user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }

    public sealed class InvitationInput
    {
        [Required(ErrorMessage = "Bitte wählen Sie ein Passwort.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Das Passwort muss mindestens {2} Zeichen lang sein.")]
        public string? Password { get; set; }

        /// <summary>Required only when a new password is chosen (see <see cref="KeepsPassword"/>).</summary>
        public string? PasswordRepeat { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie den Code aus Ihrer Authenticator-App ein.")]
        [StringLength(10, ErrorMessage = "Der Code ist zu lang.")]
        public string? Code { get; set; }
    }
}
