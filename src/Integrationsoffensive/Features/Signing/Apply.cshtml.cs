using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Signing;

/// <summary>/mitzeichnen: the application form. Success redirects to /mitzeichnen/danke.</summary>
[EnableRateLimiting(RateLimits.Forms)]
public sealed class ApplyModel(
    AppDbContext db,
    ContentStore content,
    ApplicationMails mails,
    DuplicateCheck duplicates,
    FormTimer timer,
    TimeProvider clock,
    IOptions<SigningOptions> options,
    ILogger<ApplyModel> logger) : PageModel, IPageMetadata, IPublicFieldsForm
{
    public const string AlreadySentMessage =
        "Mit diesem Formular wurde schon eine Mitzeichnung abgeschickt. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular dann noch einmal ab.";

    public const string TooFastMessage =
        "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben in Ruhe und senden Sie das Formular dann noch einmal ab.";

    [BindProperty]
    public ApplyInput Input { get; set; } = new();

    PublicFieldsInput IPublicFieldsForm.Input => Input;

    bool IPublicFieldsForm.ForApplicant => true;

    /// <summary>When the form was shown (protected); see <see cref="FormTimer"/>.</summary>
    [BindProperty]
    public string? Started { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty(Name = "url")]
    public string? Honeypot { get; set; }

    public string PageTitle => "Aufruf mitzeichnen";

    public string? PageDescription => "Ihre Organisation unterstützt den Aufruf für eine Integrationsoffensive? Zeichnen Sie hier mit.";

    public void OnGet() => Started = timer.Start();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrEmpty(Honeypot))
        {
            logger.LogInformation("Application discarded: honeypot field filled");
            return RedirectToPage("Thanks");
        }

        Input.Normalize();
        ModelState.Clear();
        if (!TryValidateModel(Input, nameof(Input)))
        {
            return Page();
        }

        var stamp = timer.Read(Started);
        if (timer.WasFilledTooFast(stamp, TimeSpan.FromSeconds(options.Value.MinimumFillSeconds)))
        {
            return AskToSendAgain(TooFastMessage);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var details = Input.ToDetails();
        var normalizedName = OrganizationNames.Normalize(details.PublicFields.OrganizationName);

        // One fetched form carries one application: sent again unchanged (a double click) it is the
        // same application; with other data, the person is asked to send the fresh form again.
        var sentWithThisForm = stamp is null ? null : await db.Applications.AsNoTracking()
            .Where(a => a.FormNonce == stamp.Nonce).Select(a => new { a.NormalizedName, a.Email }).FirstOrDefaultAsync();
        if (sentWithThisForm is not null)
        {
            return sentWithThisForm.NormalizedName == normalizedName && sentWithThisForm.Email == details.Email
                ? RedirectToPage("Thanks")
                : AskToSendAgain(AlreadySentMessage);
        }

        // The same person applying twice for the same organization gets a fresh link, not a second entry.
        var pending = await db.Applications
            .Where(a => a.NormalizedName == normalizedName && a.Email == details.Email
                && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Confirmed))
            .FirstOrDefaultAsync();
        if (pending is not null)
        {
            if (pending.Status == ApplicationStatus.Submitted)
            {
                mails.ConfirmationRequest(pending, now);
                pending.RecordConfirmationResent(now);
                await db.TrySaveChangesAsync(); // a parallel copy of this form sent the link already
            }

            return RedirectToPage("Thanks");
        }

        var duplicate = await duplicates.FindAsync(details.PublicFields);
        var application = Application.Submit(details, AppealContent.CurrentVersion(content), ConsentText.Version, duplicate is not null, now, stamp?.Nonce);
        mails.ConfirmationRequest(application, now);
        db.Applications.Add(application);
        if (!await db.TrySaveChangesAsync())
        {
            // The same form arrived twice at once; the first one is stored, and its mail is on the way.
            logger.LogInformation("Duplicate submission of a pending application ignored");
            return RedirectToPage("Thanks");
        }

        logger.LogInformation("Application {ApplicationId} submitted (possible duplicate: {PossibleDuplicate})", application.Id, duplicate is not null);
        return RedirectToPage("Thanks");
    }

    // The values stay; a fresh stamp comes with the form, so the next try is accepted.
    private PageResult AskToSendAgain(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        Started = timer.Start();
        return Page();
    }
}
