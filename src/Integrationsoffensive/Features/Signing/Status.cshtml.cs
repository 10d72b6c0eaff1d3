using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// /mitzeichnen/stand/{token}: where the applicant's application stands, step by step with dates,
/// behind the same secret link as the withdrawal (it is in every mail that carries that link).
/// Read-only; never cached, indexed or passed on as a referrer.
/// </summary>
[TokenPage]
public sealed class StatusModel(AppDbContext db) : PageModel, IPageMetadata
{
    public Application? Application { get; private set; }

    public IReadOnlyList<StatusStep> Steps { get; private set; } = [];

    public string PageTitle => Application is null ? "Dieser Link funktioniert nicht mehr" : "Stand Ihrer Mitzeichnung";

    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var found = await ApplicationTokens.FindAsync(db, token, TokenPurpose.Withdraw);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Application = found.Application;
        Steps = StatusSteps.Of(found.Application);
        return Page();
    }
}
