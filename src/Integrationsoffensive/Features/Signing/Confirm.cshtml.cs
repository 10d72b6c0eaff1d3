using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
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
[TokenPage]
public sealed class ConfirmModel(AppDbContext db, ApplicationMails mails, TimeProvider clock, ILogger<ConfirmModel> logger) : PageModel, IPageMetadata
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
        var (_, answer) = await CheckLinkAsync(token);
        return answer ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var (found, answer) = await CheckLinkAsync(token);
        if (answer is not null)
        {
            return answer;
        }

        var application = found!.Application;
        var now = clock.GetUtcNow().UtcDateTime;
        if (application.Confirm(now))
        {
            mails.Receipt(application, now);
            db.OutboxMessages.AddRange(mails.ModeratorNotifications(application, now));
            // A second click may confirm it a moment earlier: the result is the same.
            var confirmedHere = await db.TrySaveChangesAsync();
            logger.LogInformation("Application {ApplicationId} confirmed (by this request: {ConfirmedHere})", application.Id, confirmedHere);
        }

        return RedirectToPage("Confirmed");
    }

    /// <summary>
    /// Looks the link up; answers at once unless it can still be confirmed: already confirmed links
    /// go to the success page, unknown ones get 404 and expired ones 410 with the explanation.
    /// </summary>
    private async Task<(ApplicationToken? Found, IActionResult? Answer)> CheckLinkAsync(string token)
    {
        var found = await ApplicationTokens.FindAsync(db, token, TokenPurpose.Confirm);
        State = StateOf(found);
        OrganizationName = found?.Application.OrganizationName;
        return State switch
        {
            LinkState.Valid => (found, null),
            LinkState.AlreadyConfirmed => (found, RedirectToPage("Confirmed")),
            _ => (found, NotValid(State == LinkState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone)),
        };
    }

    private PageResult NotValid(int status)
    {
        Response.StatusCode = status;
        return Page();
    }

    private LinkState StateOf(ApplicationToken? token) => token switch
    {
        null => LinkState.Unknown,
        { Application.Status: ApplicationStatus.Withdrawn or ApplicationStatus.Rejected or ApplicationStatus.Unpublished } => LinkState.Unknown,
        { Application.Status: not ApplicationStatus.Submitted } => LinkState.AlreadyConfirmed,
        _ when token.IsExpired(clock.GetUtcNow().UtcDateTime) => LinkState.Expired,
        _ => LinkState.Valid,
    };
}
