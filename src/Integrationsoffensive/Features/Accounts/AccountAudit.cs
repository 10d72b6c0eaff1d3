using Integrationsoffensive.Data;
using Integrationsoffensive.Features.Moderation;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>Account events for the audit trail: who signed in, who failed, who was locked out.</summary>
public static class AccountAudit
{
    public const string UnknownAccount = "unbekanntes Konto";

    public static async Task RecordAsync(AppDbContext db, TimeProvider clock, string actor, string action, string details = "")
    {
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor, action, details));
        await db.SaveChangesAsync();
    }
}
