using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Domain;

/// <summary>Mails hold addresses and names, so they go with the contact data and after their time.</summary>
public static class OutboxRetention
{
    /// <summary>
    /// Deletes every mail of an application whose contact data are gone, and every mail sent or given
    /// up before <paramref name="doneBefore"/>; returns how many.
    /// </summary>
    public static async Task<int> DeleteAsync(AppDbContext db, DateTime doneBefore, CancellationToken cancellationToken)
    {
        var ofPurged = await db.OutboxMessages
            .Where(m => m.ApplicationId != null && db.Applications.Any(a => a.Id == m.ApplicationId && a.ContactDataPurgedAt != null))
            .ExecuteDeleteAsync(cancellationToken);
        var done = await db.OutboxMessages
            .Where(m => (m.SentAt != null && m.SentAt < doneBefore) || (m.FailedAt != null && m.FailedAt < doneBefore))
            .ExecuteDeleteAsync(cancellationToken);
        return ofPurged + done;
    }
}
