using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>The home page: the appeal, its demands, the closing call and who started it.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(ContentStore store, AppDbContext db) : PageModel, IPageMetadata
{
    public const int NewestCount = 10;

    public AppealContent Appeal { get; private set; } = null!;

    public IReadOnlyList<PublicSignatory> NewestCoSigners { get; private set; } = [];

    public int SignatoryCount { get; private set; }

    public string PageTitle => Appeal.Title;

    public string? PageDescription => Appeal.Description;

    public async Task<IActionResult> OnGetAsync()
    {
        var appeal = AppealContent.Load(store);
        if (appeal is null)
        {
            // Logged at start and by the store; the status page tells readers to come back shortly.
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Appeal = appeal;
        NewestCoSigners = await PublishedSignatories.NewestAsync(db, NewestCount);
        SignatoryCount = await PublishedSignatories.CountAsync(db, appeal.FoundingOrganizations);
        return Page();
    }
}
