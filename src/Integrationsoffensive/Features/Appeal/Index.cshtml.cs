using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>
/// The home page: the appeal's title, one sentence and the counter with the call to action first (on a
/// phone all above the fold), the demands at a glance, then the full text, and the logo wall: the founders and the newest co-signers, each with its logo or a lettered tile.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(ContentStore store, AppDbContext db, ShareLinks shareLinks) : PageModel, IPageMetadata
{
    public const int NewestCount = 10;

    public AppealContent Appeal { get; private set; } = null!;

    public IReadOnlyList<PublicSignatory> NewestCoSigners { get; private set; } = [];

    public int SignatoryCount { get; private set; }

    /// <summary>The logo hashes of the newest co-signers that have one, by application id.</summary>
    public IReadOnlyDictionary<int, string> LogoHashes { get; private set; } = new Dictionary<int, string>();

    public Share Share { get; private set; } = null!;

    /// <summary>The translations, linked at the top for readers who do not read German.</summary>
    public IReadOnlyList<AppealLanguage> Languages { get; private set; } = [];

    public string PageTitle => Appeal.Title;

    public string? PageDescription => Appeal.Description;

    bool IPageMetadata.IsAppealInSomeLanguage => true;

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
        LogoHashes = await Logos.HashesAsync(db, NewestCoSigners.Select(s => s.Id).ToList());
        SignatoryCount = await PublishedSignatories.CountAsync(db, appeal.FoundingOrganizations);
        Share = shareLinks.For(ShareSubject.Appeal);
        Languages = AppealLanguages.All(store);
        return Page();
    }
}
