using Integrationsoffensive.Data;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// /mitzeichnen/bestaetigen/{token}: GET only shows a button (mail scanners open links), the POST
/// confirms. Confirming again shows the same success page; an unknown or expired link explains
/// itself and offers a new one.
/// </summary>
[EnableRateLimiting(RateLimits.Forms)]
public sealed class ConfirmModel(AppDbContext db, SigningMails mails, TimeProvider clock, ILogger<ConfirmModel> logger) : PageModel, IPageMetadata
{
    public enum LinkState
    {
        Valid,
        AlreadyConfirmed,
        Expired,
        Unknown,
    }

    public LinkState State { get; private set; }

    public string? OrganizationName { get; private set; }

    public string PageTitle => State is LinkState.Valid or LinkState.AlreadyConfirmed
        ? "Mitzeichnung bestätigen"
        : "Dieser Link funktioniert nicht mehr";

    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        ApplicationTokens.ProtectTokenPage(Response);
        var found = await ApplicationTokens.FindAsync(db, token, TokenPurpose.Confirm);
        State = StateOf(found);
        if (State == LinkState.AlreadyConfirmed)
        {
            return RedirectToPage("Confirmed");
        }

        OrganizationName = found?.Application.OrganizationName;
        if (State != LinkState.Valid)
        {
            Response.StatusCode = State == LinkState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        ApplicationTokens.ProtectTokenPage(Response);
        var found = await ApplicationTokens.FindAsync(db, token, TokenPurpose.Confirm);
        State = StateOf(found);
        if (State == LinkState.AlreadyConfirmed)
        {
            return RedirectToPage("Confirmed");
        }

        if (State != LinkState.Valid)
        {
            OrganizationName = found?.Application.OrganizationName;
            Response.StatusCode = State == LinkState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
            return Page();
        }

        var application = found!.Application;
        var now = clock.GetUtcNow().UtcDateTime;
        if (application.Confirm(now))
        {
            mails.Receipt(application, now);
            db.OutboxMessages.AddRange(mails.ModeratorNotifications(application, now));
            try
            {
                await db.SaveChangesAsync();
                logger.LogInformation("Application {ApplicationId} confirmed", application.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A second click confirmed it a moment earlier: the result is the same.
                logger.LogInformation("Application {ApplicationId} was confirmed by a parallel request", application.Id);
            }
        }

        return RedirectToPage("Confirmed");
    }

    private LinkState StateOf(ApplicationToken? token) => token switch
    {
        null => LinkState.Unknown,
        { Application.Status: ApplicationStatus.Withdrawn or ApplicationStatus.Rejected } => LinkState.Unknown,
        { Application.Status: not ApplicationStatus.Submitted } => LinkState.AlreadyConfirmed,
        _ when token.IsExpired(clock.GetUtcNow().UtcDateTime) => LinkState.Expired,
        _ => LinkState.Valid,
    };
}
