using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>/konto/abmelden: POST only (a GET answers 405), so no link or image can sign anyone out.</summary>
public sealed class LogoutModel(SignInManager<Moderator> signIn, UserManager<Moderator> users) : PageModel
{
    public IActionResult OnGet() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    /// <summary>A new security stamp ends every session of the account, not only this browser's.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
