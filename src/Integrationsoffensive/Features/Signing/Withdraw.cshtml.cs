using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// /mitzeichnen/zurueckziehen/{token}: says what withdrawing does, and does it on POST: the entry
/// leaves every public page at once and the contact data, with every mail to them and the logo, are deleted.
/// </summary>
[EnableRateLimiting(RateLimits.Forms)]
[TokenPage]
public sealed class WithdrawModel(AppDbContext db, TimeProvider clock, ILogger<WithdrawModel> logger) : PageModel, IPageMetadata
{
    public string? OrganizationName { get; private set; }

    public bool Found => OrganizationName is not null;

    public string PageTitle => Found ? "Mitzeichnung zurückziehen" : "Dieser Link funktioniert nicht mehr";

    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var found = await ApplicationTokens.FindAsync(db, token, TokenPurpose.Withdraw);
        if (found?.Application.Status == ApplicationStatus.Withdrawn)
        {
            return RedirectToPage("Withdrawn");
        }

        return Show(found);
    }

    /// <summary>Withdraws, whatever the state; the contact data and every mail to them go at once.</summary>
    public async Task<IActionResult> OnPostAsync(string token)
    {
        var found = await ApplicationTokens.FindAsync(db, token, TokenPurpose.Withdraw);
        if (found is null)
        {
            return Show(found);
        }

        var application = found.Application;
        await db.Entry(application).Reference(a => a.Logo).LoadAsync(); // the logo goes with the contact data
        var now = clock.GetUtcNow().UtcDateTime;
        if (application.Withdraw(now))
        {
            // Mails to the address go in the same transaction: they are contact data as well. They
            // are deleted whatever the sender is doing with them at this moment.
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (!await db.TrySaveChangesAsync())
            {
                // Withdrawn (or changed) by a parallel request; look again and answer from what is stored.
                return await db.Applications.AnyAsync(a => a.Id == application.Id && a.Status == ApplicationStatus.Withdrawn)
                    ? RedirectToPage("Withdrawn")
                    : RedirectToPage(new { token });
            }

            await db.OutboxMessages.Where(m => m.ApplicationId == application.Id).ExecuteDeleteAsync();
            await transaction.CommitAsync();

            logger.LogInformation("Application {ApplicationId} withdrawn by the organization", application.Id);
        }

        return RedirectToPage("Withdrawn");
    }

    private PageResult Show(ApplicationToken? found)
    {
        OrganizationName = found?.Application.OrganizationName;
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
