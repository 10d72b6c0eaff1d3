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
    // Compiled once: every application runs it (see Submissions).
    private static readonly Func<AppDbContext, string, DateTime, IAsyncEnumerable<OutboxMessage>> Recent = EF.CompileAsyncQuery<AppDbContext, string, DateTime, OutboxMessage>(
        (AppDbContext db, string address, DateTime since) => db.OutboxMessages
            .Where(m => m.ToAddress == address && m.Kind == MailKinds.Confirmation && (m.QueueKey == address || m.CreatedAt > since)));

    /// <summary>
    /// The applications waiting for confirmation by this address, tracked, oldest first: what its
    /// confirmation mail lists. Callers that look up the address's applications anyway pass them to
    /// <see cref="QueueAsync"/> instead of asking twice.
    /// </summary>
    public static Task<List<Application>> WaitingAsync(AppDbContext db, string address) =>
        db.Applications.Where(a => a.Email == address && a.Status == ApplicationStatus.Submitted).OrderBy(a => a.Id).ToListAsync();

    /// <summary>
    /// Adds to <paramref name="db"/> what the address's confirmation mail needs (tokens, the mail or
    /// its new content); the caller saves it with the change that caused it. <paramref name="waiting"/>
    /// are the address's waiting applications (see <see cref="WaitingAsync"/>), the last of them
    /// possibly added but not yet saved.
    /// </summary>
    public async Task QueueAsync(AppDbContext db, string address, IReadOnlyList<Application> waiting, DateTime now)
    {
        if (waiting.Count == 0)
        {
            return;
        }

        // One look at the address's recent confirmation mails: the one still queued (if any) and
        // whether one was written within the interval (then the new one waits for its end).
        var interval = TimeSpan.FromMinutes(signing.Value.ConfirmationMailIntervalMinutes);
        var since = now - interval;
        var recent = await Recent(db, address, since).ToListAsync();
        var body = mails.ConfirmationBundle(waiting, now);
        var queued = recent.SingleOrDefault(m => m.QueueKey == address);
        if (queued is not null)
        {
            queued.Rewrite(waiting[^1].ContactName, body);
            return;
        }

        // Without a queued mail, what is left are the mails written within the interval.
        var wait = recent.Count > 0;
        var message = new OutboxMessage(MailKinds.Confirmation, address, waiting[^1].ContactName, ApplicationMails.ConfirmSubject, body, now,
            due: wait ? recent.Max(m => m.CreatedAt) + interval : null);
        if (wait)
        {
            message.Queued();
        }

        waiting[^1].Mails.Add(message); // deleted with the newest application's contact data
    }
}
