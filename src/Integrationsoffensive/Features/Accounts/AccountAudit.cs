using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>Account events for the audit trail: who signed in, who failed, who was locked out.</summary>
public static class AccountAudit
{
    public static async Task RecordAsync(AppDbContext db, TimeProvider clock, string actor, AuditAction action, string details = "")
    {
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor, action, details));
        await db.SaveChangesAsync();
    }
}
