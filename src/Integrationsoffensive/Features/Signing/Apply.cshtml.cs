using Integrationsoffensive.Data;
using Integrationsoffensive.Features.Appeal;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Signing;

/// <summary>/mitzeichnen: the application form. Success redirects to /mitzeichnen/danke.</summary>
[EnableRateLimiting(RateLimits.Forms)]
public sealed class ApplyModel(
    AppDbContext db,
    ContentStore content,
    SigningMails mails,
    FormTimer timer,
    TimeProvider clock,
    IOptions<SigningOptions> options,
    ILogger<ApplyModel> logger) : PageModel, IPageMetadata
{
    public const string TooFastMessage =
        "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben in Ruhe und senden Sie das Formular dann noch einmal ab.";

    [BindProperty]
    public ApplyInput Input { get; set; } = new();

    /// <summary>When the form was shown (protected); see <see cref="FormTimer"/>.</summary>
    [BindProperty]
    public string? Started { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty(Name = "url")]
    public string? Honeypot { get; set; }

    public string PageTitle => "Aufruf mitzeichnen";

    public string? PageDescription => "Ihre Organisation unterstützt den Aufruf für eine Integrationsoffensive? Zeichnen Sie hier mit.";

    public static IEnumerable<SelectListItem> TypeOptions => OrganizationTypes.All.Select(c => new SelectListItem(c.Label, c.Value));

    public static IEnumerable<SelectListItem> RegionOptions => Regions.All.Select(c => new SelectListItem(c.Label, c.Value));

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

        if (timer.WasFilledTooFast(Started, TimeSpan.FromSeconds(options.Value.MinimumFillSeconds)))
        {
            ModelState.AddModelError(string.Empty, TooFastMessage);
            Started = timer.Start();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var details = Input.ToDetails();
        var normalizedName = OrganizationNames.Normalize(details.OrganizationName);

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
                await db.SaveChangesAsync();
            }

            return RedirectToPage("Thanks");
        }

        var duplicate = await db.Applications.AnyAsync(a => a.NormalizedName == normalizedName && a.Status != ApplicationStatus.Withdrawn)
            || IsFoundingOrganization(normalizedName);
        var appealVersion = content.Document<AppealFrontMatter>(AppealContent.AppealFile)?.FrontMatter.Version ?? "unbekannt";
        var application = Application.Submit(details, appealVersion, ConsentText.Version, duplicate, now);
        mails.ConfirmationRequest(application, now);
        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException exception) when (exception.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true)
        {
            // The same form arrived twice at once; the first one is pending, and its mail is on the way.
            logger.LogInformation("Duplicate submission of a pending application ignored");
            return RedirectToPage("Thanks");
        }

        logger.LogInformation("Application {ApplicationId} submitted (possible duplicate: {PossibleDuplicate})", application.Id, duplicate);
        return RedirectToPage("Thanks");
    }

    private bool IsFoundingOrganization(string normalizedName) =>
        (AppealContent.Load(content)?.FoundingOrganizations ?? [])
            .Any(f => OrganizationNames.Normalize(f.Name) == normalizedName);
}
