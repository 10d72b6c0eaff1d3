using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>
/// /moderation: the queue. Waiting applications oldest first, as cards with everything a decision
/// needs; other statuses, search; select all, approve or reject (with one reason) in bulk.
/// </summary>
public sealed class IndexModel(
    AppDbContext db,
    ApplicationMails mails,
    DuplicateCheck duplicates,
    IOptions<ReviewOptions> review,
    TimeProvider clock,
    ILogger<IndexModel> logger) : ModerationPageModel
{
    public const int PageSize = 25;
    public const string AllSelected = "alle";

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusSlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "suche")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public string? PageText { get; set; }

    /// <summary>„alle“ ticks every application on the page: select all, without JavaScript.</summary>
    [BindProperty(SupportsGet = true, Name = "auswahl")]
    public string? Selection { get; set; }

    [BindProperty]
    public List<int> Selected { get; set; } = [];

    [BindProperty]
    public BulkRejectInput Reject { get; set; } = new();

    public StatusFilter Filter => StatusFilter.From(StatusSlug);

    public bool IsWaiting => Filter == StatusFilter.Waiting;

    public Pagination Pagination { get; private set; } = Pagination.Of(1, 0, PageSize);

    public IReadOnlyDictionary<ApplicationStatus, int> Counts { get; private set; } = new Dictionary<ApplicationStatus, int>();

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    public IReadOnlyList<RejectionReason> Reasons { get; private set; } = [];

    /// <summary>Waiting applications confirmed more than <see cref="ReviewOptions.OverdueDays"/> ago.</summary>
    public int OverdueCount { get; private set; }

    public int OverdueDays => review.Value.OverdueDays;

    public override string PageTitle => "Moderation";

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostApproveAsync() =>
        DecideSelectedAsync(null, (application, now) =>
        {
            application.Publish(Actor, now);
            mails.Published(application, now);
        }, count => count == 1 ? "1 Mitzeichnung ist freigegeben." : $"{count} Mitzeichnungen sind freigegeben.");

    public async Task<IActionResult> OnPostRejectAsync()
    {
        var reason = await db.RejectionReasons.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Reject.ReasonId && r.IsActive);
        var message = TextInput.MultiLine(Reject.Message);
        return await DecideSelectedAsync(reason is null ? "Bitte wählen Sie einen Grund für die Ablehnung." : null, (application, now) =>
        {
            application.Reject(Actor, reason!.Text, now);
            mails.Rejected(application, reason.Text, message, now);
        }, count => count == 1 ? "1 Mitzeichnung ist abgelehnt." : $"{count} Mitzeichnungen sind abgelehnt.");
    }

    /// <summary>Decides every selected application that is still waiting; others are left alone. All or nothing.</summary>
    private async Task<IActionResult> DecideSelectedAsync(string? reasonError, Action<Application, DateTime> decide, Func<int, string> done)
    {
        if (Selected.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Bitte wählen Sie mindestens eine Mitzeichnung aus.");
        }

        if (reasonError is not null)
        {
            ModelState.AddModelError("Reject.ReasonId", reasonError);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.Applications.Where(a => Selected.Contains(a.Id) && a.Status == ApplicationStatus.Confirmed).ToListAsync();
        waiting.ForEach(application => decide(application, now));
        if (!await db.TrySaveChangesAsync())
        {
            ModelState.AddModelError(string.Empty, "Einige Mitzeichnungen wurden gerade von jemand anderem geändert. Es wurde nichts entschieden; bitte prüfen Sie die Liste erneut.");
            await LoadAsync();
            return Page();
        }

        logger.LogInformation("{Count} applications decided in bulk", waiting.Count);
        TempData.SetStatusMessage(done(waiting.Count));
        return RedirectToPage(new { status = Filter.Slug, suche = Search });
    }

    private async Task LoadAsync()
    {
        Counts = await db.Applications.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        var now = clock.GetUtcNow().UtcDateTime;
        var overdueBefore = WaitingApplications.OverdueBefore(now, review.Value);
        OverdueCount = await WaitingApplications.Waiting(db).CountAsync(a => a.ConfirmedAt < overdueBefore);
        Reasons = await db.RejectionReasons.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.SortOrder).ToListAsync();

        var query = db.Applications.AsNoTracking().Where(a => a.Status == Filter.Status);
        if (TextInput.SingleLine(Search) is { } search)
        {
            var pattern = LikePattern.Contains(search);
            // SQLite's LIKE ignores case (ASCII); PostgreSQL's does not, its ILIKE does (all letters).
            query = db.Database.IsNpgsql()
                ? query.Where(a => EF.Functions.ILike(a.OrganizationName, pattern, LikePattern.Escape) || EF.Functions.ILike(a.Place, pattern, LikePattern.Escape))
                : query.Where(a => EF.Functions.Like(a.OrganizationName, pattern, LikePattern.Escape) || EF.Functions.Like(a.Place, pattern, LikePattern.Escape));
        }

        Pagination = Pagination.Of(PageText, await query.CountAsync(), PageSize);
        var ordered = IsWaiting ? query.InQueueOrder() : query.OrderByDescending(a => a.Id);
        var items = await ordered.Skip(Pagination.Skip).Take(PageSize)
            .Select(a => new QueueItem(a.Id, a.OrganizationName, a.OrganizationType, a.Place, a.Region, a.Website, a.Statement, a.SubmittedAt, a.ConfirmedAt))
            .ToListAsync();
        var known = await duplicates.LoadIndexAsync();
        Items = items.Select(item => item with
        {
            Duplicate = known.Find(new PublicFields(item.Name, item.Type, item.Place, item.Region, item.Website, item.Statement), except: item.Id),
            IsOverdue = IsWaiting && item.ConfirmedAt < overdueBefore,
            Age = ReviewTimes.Since(now - (item.ConfirmedAt ?? item.SubmittedAt)),
        }).ToList();
    }

    public bool IsSelected(int id) => Selection == AllSelected || Selected.Contains(id);

    public string PageUrl(int page) =>
        Url.Page("/Moderation/Index", new { status = Filter.Slug, suche = Search, seite = page })!;

    public sealed class BulkRejectInput
    {
        public int? ReasonId { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(2000, ErrorMessage = "Die Nachricht darf höchstens {1} Zeichen lang sein.")]
        public string? Message { get; set; }
    }
}
