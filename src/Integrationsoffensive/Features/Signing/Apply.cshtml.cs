using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Signing;

/// <summary>/mitzeichnen: the application form. Success redirects to /mitzeichnen/danke.</summary>
[EnableRateLimiting(RateLimits.Forms)]
[RequestSizeLimit(ApplyModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ApplyModel.MaxRequestBytes)]
[IgnoreAntiforgeryToken] // FormCookieCheck checks instead: a form we showed keeps what was typed when its cookie is gone
[FormCookieCheck]
public sealed class ApplyModel(
    Submissions submissions,
    FormTimer timer,
    TimeProvider clock,
    IOptions<SigningOptions> options,
    ILogger<ApplyModel> logger) : PageModel, IPageMetadata, IPublicFieldsForm
{
    public const string AlreadySentMessage =
        "Mit diesem Formular wurde schon eine Mitzeichnung abgeschickt. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular dann noch einmal ab.";

    public const string ChooseLogoAgainMessage = "Ihr Logo war in Ordnung. Bitte wählen Sie die Datei noch einmal aus, bevor Sie erneut absenden.";

    public const string TooFastMessage =
        "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben in Ruhe und senden Sie das Formular dann noch einmal ab.";

    public const string NotStoredTitle = "Ihre Mitzeichnung ist möglicherweise noch nicht gespeichert";

    public const string NotStoredMessage =
        "Ihre Mitzeichnung ließ sich gerade nicht sicher speichern, weil unsere Datenbank vorübergehend nicht erreichbar ist. Ihre Angaben stehen noch im Formular: Bitte senden Sie es in einigen Minuten unverändert noch einmal ab.";

    public const string FormCookieTitle = "Ihre Mitzeichnung ist noch nicht abgeschickt";

    public const string FormCookieMessage =
        "Das Formular ließ sich nicht sicher Ihrem Browser zuordnen, meist weil die Seite sehr lange offen war oder Ihr Browser das Cookie dieser Seite nicht angenommen hat. Ihre Angaben stehen noch im Formular: Bitte senden Sie es noch einmal ab. Erscheint dieser Hinweis wieder, erlauben Sie bitte Cookies für diese Seite; wir setzen nur ein technisch notwendiges Cookie, das Sie vor gefälschten Formularen schützt.";

    /// <summary>
    /// Room for far more than a logo of 2 MB: a photo from a phone or an export from a design
    /// program (often 5–20 MB) gets the form back filled in with the logo's message, not an error
    /// page. The form reader keeps a file above 64 KB in a temporary file, not in memory; beyond
    /// this the answer is 413, „Die Datei ist zu groß“.
    /// </summary>
    public const long MaxRequestBytes = 32 * 1024 * 1024;

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
        // Without the form's cookie (open for hours, the browser restarted, cookies refused) the
        // framework's check would answer with a bare error page and everything typed would be lost.
        // Nothing is stored; the form comes back filled in, with a new cookie and token.
        if (FormCookieCheckAttribute.Failed(HttpContext))
        {
            logger.LogInformation("Application form shown again: its antiforgery check failed");
            Input.Normalize();
            ModelState.Clear();
            if (timer.Read(Started) is null)
            {
                Started = timer.Start(); // the keys changed (restored, lost): the stamp is unreadable too
            }

            return KeepForm(StatusCodes.Status400BadRequest, FormCookieTitle, FormCookieMessage, Input.Logo is { Length: > 0 });
        }

        if (!string.IsNullOrEmpty(Honeypot))
        {
            logger.LogInformation("Application discarded: honeypot field filled");
            return RedirectToPage("Thanks");
        }

        Input.Normalize();
        ModelState.Clear();
        var valid = TryValidateModel(Input, nameof(Input));
        var logo = await ReadLogoAsync();
        if (!valid || !ModelState.IsValid)
        {
            return Page(); // every typed value comes back; a file never does, so the message says to choose it again
        }

        var stamp = timer.Read(Started);
        if (timer.WasFilledTooFast(stamp, TimeSpan.FromSeconds(options.Value.MinimumFillSeconds)))
        {
            return AskToSendAgain(TooFastMessage, logo is not null);
        }

        SubmissionOutcome outcome;
        Domain.Application? stored;
        try
        {
            (outcome, stored) = await submissions.SubmitAsync(Input.ToDetails(), stamp, clock.GetUtcNow().UtcDateTime, logo);
        }
        catch (Exception exception) when (StorageFailures.IsStorageFailure(exception))
        {
            // The error page would lose what was typed (a statement, maybe, of some minutes' work).
            // The form comes back filled in with the same stamp: if the write went through after
            // all, sending it again finds it and goes on to the thanks page.
            // The failure itself is logged where it happened (EF Core, the writer); here one line.
            logger.LogWarning("Application not stored: the database is unavailable ({Error}); the form is shown again", exception.GetBaseException().GetType().Name);
            Response.Headers.RetryAfter = "120";
            return KeepForm(StatusCodes.Status503ServiceUnavailable, NotStoredTitle, NotStoredMessage, logo is not null);
        }

        if (outcome == SubmissionOutcome.FormUsedForAnother)
        {
            return AskToSendAgain(AlreadySentMessage, logo is not null);
        }

        if (stored is not null)
        {
            logger.LogInformation("Application {ApplicationId} submitted (possible duplicate: {PossibleDuplicate})", stored.Id, stored.IsPossibleDuplicate);
        }

        return RedirectToPage("Thanks");
    }

    private async Task<Domain.ApplicationLogo?> ReadLogoAsync()
    {
        if (Input.Logo is not { } file || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            return null; // no file chosen
        }

        await using var stream = file.OpenReadStream();
        var outcome = await LogoFile.ReadAsync(stream, HttpContext.RequestAborted);
        if (outcome.Error is { } error)
        {
            logger.LogInformation("Logo refused ({Length} bytes)", file.Length);
            ModelState.AddModelError("Input.Logo", error + " Ihre übrigen Angaben sind erhalten; bitte wählen Sie die Datei noch einmal aus.");
        }

        return outcome.Logo;
    }

    // The values stay; a fresh stamp comes with the form, so the next try is accepted.
    private PageResult AskToSendAgain(string message, bool hadLogo)
    {
        ModelState.AddModelError(string.Empty, message);
        AskForLogoAgain(hadLogo);
        Started = timer.Start();
        return Page();
    }

    // Nothing typed was wrong: the form comes back filled in, headed by what happened and what to do.
    private PageResult KeepForm(int status, string title, string message, bool hadLogo)
    {
        Response.StatusCode = status;
        ModelState.AddModelError(string.Empty, message);
        ViewData[ErrorSummary.TitleKey] = title;
        AskForLogoAgain(hadLogo);
        return Page();
    }

    private void AskForLogoAgain(bool hadLogo)
    {
        if (hadLogo)
        {
            ModelState.AddModelError("Input.Logo", ChooseLogoAgainMessage); // a browser never sends a file twice by itself
        }
    }
}
