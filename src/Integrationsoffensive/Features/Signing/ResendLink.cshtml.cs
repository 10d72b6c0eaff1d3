using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// /mitzeichnen/neuer-link: a new confirmation link for every unconfirmed application of an
/// address, bundled in one mail (at most one per interval). The answer is the same whether or not
/// the address is known.
/// </summary>
[EnableRateLimiting(RateLimits.Forms)]
public sealed class ResendLinkModel(Submissions submissions, TimeProvider clock) : PageModel, IPageMetadata
{
    [BindProperty]
    public ResendInput Input { get; set; } = new();

    public string PageTitle => "Neuen Bestätigungslink anfordern";

    public bool NoIndex => true;

    public const string SentMessage =
        "Wenn zu dieser Adresse eine unbestätigte Mitzeichnung gehört, haben wir Ihnen soeben einen neuen Bestätigungslink geschickt. Bitte sehen Sie in Ihrem Postfach nach, auch im Spam-Ordner.";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Email = TextInput.SingleLine(Input.Email);
        ModelState.Clear();
        if (!TryValidateModel(Input, nameof(Input)))
        {
            return Page();
        }

        var email = EmailAddress.Normalize(Input.Email!);
        if (email is not null)
        {
            await submissions.ResendAsync(email, clock.GetUtcNow().UtcDateTime);
        }

        TempData.SetStatusMessage(SentMessage);
        return RedirectToPage();
    }

    public sealed class ResendInput
    {
        [Required(ErrorMessage = "Bitte geben Sie die E-Mail-Adresse an, mit der Sie mitgezeichnet haben.")]
        [StringLength(FieldLimits.Email, ErrorMessage = "Die E-Mail-Adresse darf höchstens {1} Zeichen lang sein.")]
        [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.")] // as the form took it: a typo would wait for a mail that never comes
        public string? Email { get; set; }
    }
}
