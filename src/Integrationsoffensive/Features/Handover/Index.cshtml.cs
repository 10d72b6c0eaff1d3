using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Handover;

/// <summary>
/// /uebergabe: the handover document in the browser, made to be printed to PDF (print CSS: a page per
/// part, page numbers, no navigation); /uebergabe.pdf is the same document made on the server.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(ContentStore store, AppDbContext db, TimeProvider clock) : PageModel, IPageMetadata
{
    public HandoverDocument Document { get; private set; } = null!;

    public string PageTitle => "Übergabe: " + Document.Settings.Title;

    public string? PageDescription => "Das Dokument zur Übergabe des Aufrufs: der Aufruf, seine Forderungen und alle unterzeichnenden Organisationen.";

    public async Task<IActionResult> OnGetAsync()
    {
        var document = await HandoverDocument.LoadAsync(store, db, clock.GetUtcNow().UtcDateTime);
        if (document is null)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Document = document;
        return Page();
    }
}
