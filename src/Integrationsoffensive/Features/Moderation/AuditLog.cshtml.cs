using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
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

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    /// <summary>The actions that occur in the trail, for the filter.</summary>
    public IReadOnlyList<AuditAction> Actions { get; private set; } = [];

    public AuditAction? SelectedAction => Enum.TryParse<AuditAction>(Action, out var action) && Enum.IsDefined(action) ? action : null;

    public Pagination Pagination { get; private set; } = Pagination.Of(1, 0, PageSize);

    public override string PageTitle => "Protokoll";

    public async Task OnGetAsync()
    {
        Actions = (await db.AuditEntries.Select(e => e.Action).Distinct().ToListAsync()).OrderBy(AuditLabels.Of, StringComparer.CurrentCulture).ToList();
        var query = db.AuditEntries.AsNoTracking();
        if (SelectedAction is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (TextInput.SingleLine(Person) is { } actor)
        {
            query = query.Where(e => e.Actor.Contains(actor));
        }

        if (TextInput.SingleLine(Search) is { } search)
        {
            query = query.Where(e => e.Details.Contains(search) || (e.Application != null && e.Application.OrganizationName.Contains(search)));
        }

        Pagination = Pagination.Of(PageText, await query.CountAsync(), PageSize);
        Entries = await query.OrderByDescending(e => e.Id).Skip(Pagination.Skip).Take(PageSize)
            .Select(e => new AuditRow(e.OccurredAt, e.Actor, e.Action, e.Details, e.ApplicationId, e.Application == null ? null : e.Application.OrganizationName))
            .ToListAsync();
    }

    /// <summary>One line of the trail, with the name of the organization it concerns (while the application exists).</summary>
    public sealed record AuditRow(DateTime OccurredAt, string Actor, AuditAction Action, string Details, int? ApplicationId, string? OrganizationName);

    public string PageUrl(int page) => Url.Page("/Moderation/AuditLog", new { aktion = Action, person = Person, suche = Search, seite = page })!;
}
