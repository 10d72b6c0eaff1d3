using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>
/// /konto/passkeys: a moderator's own passkeys, to sign in without password and app code, or as
/// the second step after the password. Adding one needs JavaScript (WebAuthn lives in the browser);
/// the list and removing work without.
/// </summary>
public sealed class PasskeysModel(UserManager<Moderator> users, SignInManager<Moderator> signIn, AppDbContext db, TimeProvider clock) : ModerationPageModel
{
    public const string FailedMessage = "Der Passkey ließ sich nicht hinzufügen. Bitte versuchen Sie es erneut.";

    [BindProperty]
    public PasskeyInput Input { get; set; } = new();

    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    public override string PageTitle => "Passkeys";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    /// <summary>The options for <c>navigator.credentials.create</c>, fetched by passkeys.js.</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : Content(await signIn.MakePasskeyCreationOptionsAsync(
            new PasskeyUserEntity { Id = user.Id, Name = user.Email!, DisplayName = user.Email! }), "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var name = TextInput.SingleLine(Input.Name) ?? "Passkey";
        if (ModelState.IsValid && !string.IsNullOrEmpty(Input.Credential) && Input.Credential.Length < 20_000)
        {
            var result = await AttestAsync(Input.Credential);
            if (result is { Succeeded: true })
            {
                result.Passkey.Name = name;
                if ((await users.AddOrUpdatePasskeyAsync(user, result.Passkey)).Succeeded)
                {
                    await AccountAudit.RecordAsync(db, clock, user.Email!, AuditAction.PasskeyAdded, name);
                    await signIn.RefreshSignInAsync(user); // in case the store renewed the security stamp
                    TempData.SetStatusMessage($"Der Passkey „{name}“ ist hinzugefügt. Sie können sich jetzt damit anmelden.");
                    return RedirectToPage();
                }
            }
        }

        ModelState.AddModelError(string.Empty, FailedMessage);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var credentialId = Decode(id);
        var passkey = credentialId is null ? null : await users.GetPasskeyAsync(user, credentialId);
        if (passkey is not null && (await users.RemovePasskeyAsync(user, credentialId!)).Succeeded)
        {
            await AccountAudit.RecordAsync(db, clock, user.Email!, AuditAction.PasskeyRemoved, passkey.Name ?? "");
            await signIn.RefreshSignInAsync(user); // in case the store renewed the security stamp
            TempData.SetStatusMessage($"Der Passkey „{passkey.Name}“ ist entfernt.");
        }

        return RedirectToPage();
    }

    public static string IdOf(UserPasskeyInfo passkey) => WebEncoders.Base64UrlEncode(passkey.CredentialId);

    private async Task<PasskeyAttestationResult?> AttestAsync(string credential)
    {
        try
        {
            return await signIn.PerformPasskeyAttestationAsync(credential);
        }
        catch (Exception exception) when (exception is PasskeyException or InvalidOperationException)
        {
            return null; // no ceremony underway, or an answer that is not one
        }
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        Passkeys = user is null ? [] : (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt).ToList();
        return user is not null;
    }

    private static byte[]? Decode(string? id)
    {
        try
        {
            return string.IsNullOrEmpty(id) || id.Length > 1400 ? null : WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public sealed class PasskeyInput
    {
        [StringLength(60, ErrorMessage = "Der Name darf höchstens {1} Zeichen lang sein.")]
        public string? Name { get; set; }

        public string? Credential { get; set; }
    }
}
