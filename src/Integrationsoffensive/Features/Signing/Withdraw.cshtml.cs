using Integrationsoffensive.Data;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// /mitzeichnen/zurueckziehen/{token}: says what withdrawing does, and does it on POST: the entry
/// leaves every public page at once and the contact data, with every mail to them, are deleted.
/// </summary>
[EnableRateLimiting(RateLimits.Forms)]
public sealed class WithdrawModel(AppDbContext db, TimeProvider clock, ILogger<WithdrawModel> logger) : PageModel, IPageMetadata
{
    public string? OrganizationName { get; private set; }

    public bool Found => OrganizationName is not null;

    public string PageTitle => Found ? "Mitzeichnung zurückziehen" : "Dieser Link funktioniert nicht mehr";

    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        ApplicationTokens.ProtectTokenPage(Response);
        var found = await ApplicationTokens.FindAsync(db, token, TokenPurpose.Withdraw);
        if (found?.Application.Status == ApplicationStatus.Withdrawn)
        {
            return RedirectToPage("Withdrawn");
        }

        if (found is null || found.Application.Status == ApplicationStatus.Rejected)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        OrganizationName = found.Application.OrganizationName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        ApplicationTokens.ProtectTokenPage(Response);
        var found = await ApplicationTokens.FindAsync(db, token, TokenPurpose.Withdraw);
        if (found is null || found.Application.Status == ApplicationStatus.Rejected)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var application = found.Application;
        if (application.Withdraw(clock.GetUtcNow().UtcDateTime))
        {
            // Mails to the address go too: they are contact data as well.
            await db.Entry(application).Collection(a => a.Mails).LoadAsync();
            db.OutboxMessages.RemoveRange(application.Mails);
            try
            {
                await db.SaveChangesAsync();
                logger.LogInformation("Application {ApplicationId} withdrawn by the organization", application.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Withdrawn (or changed) by a parallel request; look again and answer from what is stored.
                db.ChangeTracker.Clear();
                return await db.Applications.AnyAsync(a => a.Id == application.Id && a.Status == ApplicationStatus.Withdrawn)
                    ? RedirectToPage("Withdrawn")
                    : RedirectToPage(new { token });
            }
        }

        return RedirectToPage("Withdrawn");
    }
}
