using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Email;

/// <summary>
/// At most one confirmation mail per address and interval (<see cref="SigningOptions.ConfirmationMailIntervalMinutes"/>),
/// listing every application that waits for that address. The first goes out at once; whatever
/// comes within the interval (new applications, requests for a new link) joins one queued mail
/// that goes out when the interval is over. So nobody can flood a stranger's mailbox through the
/// form, and a person who signs for several organizations still gets every link.
/// </summary>
public sealed class ConfirmationMails(ApplicationMails mails, IOptions<SigningOptions> signing)
{
    /// <summary>
    /// Adds to <paramref name="db"/> what the address's confirmation mail needs (tokens, the mail or
    /// its new content); the caller saves it with the change that caused it. <paramref name="added"/>
    /// is an application added but not yet saved.
    /// </summary>
    public async Task QueueAsync(AppDbContext db, string address, Application? added, DateTime now)
    {
        var waiting = await db.Applications
            .Where(a => a.Email == address && a.Status == ApplicationStatus.Submitted)
            .OrderBy(a => a.Id)
            .ToListAsync();
        if (added is not null)
        {
            waiting.Add(added);
        }

        if (waiting.Count == 0)
        {
            return;
        }

        var body = mails.ConfirmationBundle(waiting, now);
        var queued = await db.OutboxMessages.SingleOrDefaultAsync(m => m.QueueKey == address);
        if (queued is not null)
        {
            queued.Rewrite(waiting[^1].ContactName, body);
            return;
        }

        var interval = TimeSpan.FromMinutes(signing.Value.ConfirmationMailIntervalMinutes);
        var last = await db.OutboxMessages
            .Where(m => m.ToAddress == address && m.Kind == MailKinds.Confirmation)
            .MaxAsync(m => (DateTime?)m.CreatedAt);
        var wait = last is { } sent && now - sent < interval;
        var message = new OutboxMessage(MailKinds.Confirmation, address, waiting[^1].ContactName, ApplicationMails.ConfirmSubject, body, now,
            due: wait ? last!.Value + interval : null);
        if (wait)
        {
            message.Queued();
        }

        waiting[^1].Mails.Add(message); // deleted with the newest application's contact data
    }
}
