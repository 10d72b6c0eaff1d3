using System.Globalization;
using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>
/// /moderation/export: the public list for every moderator, contact data for admins only. Both
/// are POSTs because each download is recorded in the audit trail.
/// </summary>
public sealed class ExportModel(AppDbContext db, ContentStore content, IAuthorizationService authorization, TimeProvider clock) : ModerationPageModel
{
    public bool IsAdmin { get; private set; }

    public override string PageTitle => "Export";

    public async Task OnGetAsync() => IsAdmin = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;

    public async Task<IActionResult> OnPostPublicAsync()
    {
        var founders = AppealContent.Founders(content);
        var count = await PublishedSignatories.CountAsync(db, founders);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, Actor, AuditAction.Exported, $"Öffentliche Liste ({count} Einträge)"));
        await db.SaveChangesAsync();
        return CsvFile.Download(FileName("unterzeichnende"), PublishedSignatories.EveryoneAsync(db, founders), SignatoryColumns.Public(AppealContent.CurrentVersion(content)));
    }

    public async Task<IActionResult> OnPostContactsAsync()
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded)
        {
            return Forbid();
        }

        var withContactData = db.Applications.AsNoTracking().Where(a => a.Email != null);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, Actor, AuditAction.Exported, $"Kontaktdaten ({await withContactData.CountAsync()} Einträge)"));
        await db.SaveChangesAsync();
        var rows = withContactData.OrderBy(a => a.OrganizationName).ThenBy(a => a.Id)
            .Select(a => new ContactRow(a.Id, a.OrganizationName, a.Status, a.Place, a.Region, a.ContactName, a.Email, a.Phone))
            .AsAsyncEnumerable();
        return CsvFile.Download(FileName("kontaktdaten"), rows, ContactColumns);
    }

    private static readonly IReadOnlyList<CsvColumn<ContactRow>> ContactColumns =
    [
        new("Nr.", r => r.Id.ToString(CultureInfo.InvariantCulture)),
        new("Name", r => r.Name),
        new("Status", r => ApplicationStatusLabels.Of(r.Status)),
        new("Ort", r => r.Place),
        new("Region", r => Regions.LabelOf(r.Region)),
        new("Ansprechperson", r => r.ContactName),
        new("E-Mail-Adresse", r => r.Email),
        new("Telefon", r => r.Phone),
    ];

    private string FileName(string name) => $"{name}-{clock.GetUtcNow():yyyy-MM-dd}.csv";

    private sealed record ContactRow(int Id, string Name, ApplicationStatus Status, string Place, string Region, string? ContactName, string? Email, string? Phone);
}
