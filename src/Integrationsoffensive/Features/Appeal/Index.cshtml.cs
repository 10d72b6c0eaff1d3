using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>The home page: the appeal, its demands, the closing call and who started it.</summary>
public sealed class IndexModel(ContentStore store) : PageModel, IPageMetadata
{
    public AppealContent Appeal { get; private set; } = null!;

    public string PageTitle => Appeal.Title;

    public string? PageDescription => Appeal.Description;

    public IActionResult OnGet()
    {
        var appeal = AppealContent.Load(store);
        if (appeal is null)
        {
            // Logged at start and by the store; the status page tells readers to come back shortly.
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Appeal = appeal;
        return Page();
    }
}
