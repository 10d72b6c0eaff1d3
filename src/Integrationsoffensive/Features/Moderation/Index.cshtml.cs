using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>/moderation: the queue. Waiting applications oldest first; other statuses, search, bulk approval.</summary>
public sealed class IndexModel(AppDbContext db, ApplicationMails mails, TimeProvider clock, ILogger<IndexModel> logger) : ModerationPageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusSlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "suche")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public string? PageText { get; set; }

    [BindProperty]
    public List<int> Selected { get; set; } = [];

    public StatusFilter Filter => StatusFilter.From(StatusSlug);

    public Pagination Pagination { get; private set; } = Pagination.Of(1, 0, PageSize);

    public IReadOnlyDictionary<ApplicationStatus, int> Counts { get; private set; } = new Dictionary<ApplicationStatus, int>();

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    public override string PageTitle => "Moderation";

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Approves every selected application that is still waiting; others are left alone.</summary>
    public async Task<IActionResult> OnPostApproveAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.Applications
            .Where(a => Selected.Contains(a.Id) && a.Status == ApplicationStatus.Confirmed)
            .ToListAsync();
        foreach (var application in waiting)
        {
            application.Publish(Actor, now);
            mails.Published(application, now);
        }

        if (!await db.TrySaveChangesAsync())
        {
            ModelState.AddModelError(string.Empty, "Einige Mitzeichnungen wurden gerade von jemand anderem geändert. Es wurde nichts freigegeben; bitte prüfen Sie die Liste erneut.");
            await LoadAsync();
            return Page();
        }

        logger.LogInformation("{Count} applications approved in bulk", waiting.Count);
        TempData.SetStatusMessage(waiting.Count == 1 ? "1 Mitzeichnung ist freigegeben." : $"{waiting.Count} Mitzeichnungen sind freigegeben.");
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Counts = await db.Applications.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);

        var query = db.Applications.AsNoTracking().Where(a => a.Status == Filter.Status);
        var search = TextInput.SingleLine(Search);
        if (search is not null)
        {
            var pattern = LikePattern.Contains(search);
            query = query.Where(a => EF.Functions.Like(a.OrganizationName, pattern, LikePattern.Escape) || EF.Functions.Like(a.Place, pattern, LikePattern.Escape));
        }

        Pagination = Pagination.Of(PageText, await query.CountAsync(), PageSize);
        var ordered = Filter.Status == ApplicationStatus.Confirmed
            ? query.OrderBy(a => a.ConfirmedAt).ThenBy(a => a.Id)
            : query.OrderByDescending(a => a.Id);
        Items = await ordered.Skip(Pagination.Skip).Take(PageSize)
            .Select(a => new QueueItem(a.Id, a.OrganizationName, a.Place, a.OrganizationType, a.SubmittedAt, a.IsPossibleDuplicate))
            .ToListAsync();
    }

    public string PageUrl(int page) =>
        Url.Page("/Moderation/Index", new { status = Filter.Slug, suche = Search, seite = page })!;
}

public sealed record QueueItem(int Id, string Name, string Place, string Type, DateTime SubmittedAt, bool PossibleDuplicate)
{
    public string TypeLabel => OrganizationTypes.LabelOf(Type);
}
