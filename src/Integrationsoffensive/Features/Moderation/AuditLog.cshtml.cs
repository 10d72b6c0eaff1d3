using Integrationsoffensive.Data;
using Integrationsoffensive.Features.Signing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>/moderation/protokoll: the audit trail, newest first, filtered by action, person and text. Read only.</summary>
public sealed class AuditLogModel(AppDbContext db) : ModerationPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "aktion")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "person")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "suche")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public string? PageText { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasNextPage { get; private set; }

    public override string PageTitle => "Protokoll";

    public async Task OnGetAsync()
    {
        Actions = await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync();
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(e => e.Action == Action);
        }

        if (TextInput.SingleLine(Person) is { } actor)
        {
            query = query.Where(e => e.Actor.Contains(actor));
        }

        if (TextInput.SingleLine(Search) is { } search)
        {
            query = query.Where(e => e.Details.Contains(search));
        }

        PageNumber = int.TryParse(PageText, out var requested) ? Math.Clamp(requested, 1, 100_000) : 1;
        var page = await query.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasNextPage = page.Count > PageSize;
        Entries = page.Take(PageSize).ToList();
    }

    public string PageUrl(int page) => Url.Page("/Moderation/AuditLog", new { aktion = Action, person = Person, suche = Search, seite = page })!;
}
