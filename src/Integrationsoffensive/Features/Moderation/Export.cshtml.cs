using System.Text;
using Integrationsoffensive.Data;
using Integrationsoffensive.Features.Accounts;
using Integrationsoffensive.Features.Signatories;
using Integrationsoffensive.Features.Signing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>
/// /moderation/export: the public list for every moderator, contact data for admins only. Both
/// are POSTs because each download is recorded in the audit trail.
/// </summary>
public sealed class ExportModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock) : ModerationPageModel
{
    public bool IsAdmin { get; private set; }

    public override string PageTitle => "Export";

    public async Task OnGetAsync() => IsAdmin = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;

    public async Task<IActionResult> OnPostPublicAsync()
    {
        var signatories = await PublishedSignatories.Query(db).OrderBy(a => a.OrganizationName).ToPublic().ToListAsync();
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, Actor, AuditActions.Exported, $"Öffentliche Liste ({signatories.Count} Einträge)"));
        await db.SaveChangesAsync();
        return Csv(SignatoryCsv.WritePublic(signatories), "unterzeichnende");
    }

    public async Task<IActionResult> OnPostContactsAsync()
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded)
        {
            return Forbid();
        }

        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.Email != null && a.Status != ApplicationStatus.Withdrawn)
            .OrderBy(a => a.OrganizationName)
            .ToListAsync();
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, Actor, AuditActions.Exported, $"Kontaktdaten ({applications.Count} Einträge)"));
        await db.SaveChangesAsync();
        return Csv(SignatoryCsv.WriteContacts(applications), "kontaktdaten");
    }

    // UTF-8 with a byte order mark, so that spreadsheet programs show umlauts correctly.
    private FileContentResult Csv(string text, string name) =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "text/csv; charset=utf-8",
            $"{name}-{clock.GetUtcNow():yyyy-MM-dd}.csv");
}
