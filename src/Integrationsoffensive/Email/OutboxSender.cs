using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integrationsoffensive.Email;

/// <summary>
/// Sends what the outbox holds, oldest first, retrying with backoff while the SMTP server is
/// unreachable. A message is claimed with a short lease before sending, so several instances
/// never send the same message at the same time; a restart simply picks up where it left off.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "The outbox could not be processed; trying again shortly");
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>How many due messages one round claims: one claim and one save for all of them.</summary>
    public const int BatchSize = 25;

    /// <summary>Sends the oldest due messages (a batch); false when none is due.</summary>
    public async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        if (_outage is { } outage && clock.GetUtcNow().UtcDateTime < outage.NextTryAt)
        {
            return false; // the server was down a moment ago; no mail is due before its next try
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        // The claim marks the batch with a fresh version: what this round loads is exactly what it
        // claimed, even if another instance claimed some of the same rows a moment earlier.
        var claim = Guid.NewGuid();
        var messages = await ClaimAsync(db, claim, now, cancellationToken)
            ? await Claimed(db, claim).ToListAsync(cancellationToken)
            : [];
        if (messages.Count == 0)
        {
            // Nothing due may only mean another instance tried the same mails a moment ago; the
            // outage is over for this instance when no mail waits any more (sent elsewhere,
            // deleted): a later one is a new one. One query, and only while an outage lasts.
            if (_outage is not null && !await db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.FailedAt == null, cancellationToken))
            {
                _outage = null;
            }

            return false;
        }

        string? outageError = null;
        var waiting = new List<OutboxMessage>();
        await using (var session = transport.Open())
        {
            foreach (var message in messages)
            {
                outageError ??= await SendAsync(session, message, cancellationToken);
                if (outageError is not null)
                {
                    waiting.Add(message); // the rest of the batch is not tried against a server that is down
                }
            }
        }

        if (outageError is null)
        {
            ServerReached();
        }
        else
        {
            var nextTry = ServerUnavailable(outageError, waiting.Count);
            waiting.ForEach(message => message.WaitForServer(nextTry, outageError));
        }

        await SaveResultsAsync(db);
        return true;
    }

    // The mail server's outage as this instance sees it (refused, timed out, TLS or login refused,
    // the site's sender refused: 530, 421): no mail's own failure. The batch stops at its first sign, its mails wait without a try
    // counted against them, and the sender tries again with backoff (30 s doubling to an hour):
    // one line when it begins, an error once it has lasted MaxAttempts tries, one when it ends.
    private MailServerOutage? _outage;

    private sealed class MailServerOutage(DateTime since)
    {
        public DateTime Since { get; } = since;

        public int Tries { get; set; }

        public DateTime NextTryAt { get; set; }
    }

    private DateTime ServerUnavailable(string error, int waiting)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var outage = _outage ??= new MailServerOutage(now);
        outage.Tries++;
        outage.NextTryAt = now + OutboxMessage.Backoff(outage.Tries);
        if (outage.Tries == 1)
        {
            logger.LogWarning("The mail server is not available ({Error}); {Count} mails wait, next try at {NextTryAt:O}", error, waiting, outage.NextTryAt);
        }
        else if (outage.Tries == options.Value.MaxAttempts)
        {
            logger.LogError("The mail server is still not available after {Tries} tries since {Since:O} ({Error}); the mails are kept and tried again hourly",
                outage.Tries, outage.Since, error);
        }
        else
        {
            logger.LogInformation("The mail server is still not available ({Error}), try {Tries}; next at {NextTryAt:O}", error, outage.Tries, outage.NextTryAt);
        }

        return outage.NextTryAt;
    }

    private void ServerReached()
    {
        if (_outage is { } outage)
        {
            logger.LogInformation("The mail server is available again after {Duration} ({Tries} tries)", clock.GetUtcNow().UtcDateTime - outage.Since, outage.Tries);
            _outage = null;
        }
    }

    // Marks up to a batch of due messages as this round's. On PostgreSQL in one statement that skips
    // rows another instance is claiming at this moment (FOR UPDATE SKIP LOCKED): instances never
    // wait for each other and never claim the same row. On SQLite writers take turns anyway; the
    // update re-checks the lease, so a row claimed in between is left out.
    private static async Task<bool> ClaimAsync(AppDbContext db, Guid claim, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + Lease;
        if (db.Database.IsNpgsql())
        {
            return await db.Database.ExecuteSqlAsync($"""
                UPDATE "OutboxMessages" SET "LockedUntil" = {until}, "QueueKey" = NULL, "Version" = {claim}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "SentAt" IS NULL AND "FailedAt" IS NULL AND "NextAttemptAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                    ORDER BY "Id" LIMIT {BatchSize}
                    FOR UPDATE SKIP LOCKED)
                """, cancellationToken) > 0;
        }

        var due = await Due(db, now).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return false;
        }

        await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.SentAt == null && m.FailedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedUntil, until)
                .SetProperty(m => m.QueueKey, (string?)null) // no longer open for new applications to join
                .SetProperty(m => m.Version, claim), cancellationToken);
        return true;
    }

    /// <summary>The ids of the oldest due messages, a batch (on SQLite through the index of unsent messages).</summary>
    public static IQueryable<long> Due(AppDbContext db, DateTime now) => db.OutboxMessages
        .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
        .OrderBy(m => m.Id)
        .Select(m => m.Id)
        .Take(BatchSize);

    /// <summary>The messages of one claim, in order.</summary>
    public static IQueryable<OutboxMessage> Claimed(AppDbContext db, Guid claim) =>
        db.OutboxMessages.Where(m => m.Version == claim).OrderBy(m => m.Id);

    // A message deleted while it was being sent (its contact data were purged by a withdrawal)
    // leaves the batch; the others are still marked, so none is sent twice.
    private async Task SaveResultsAsync(AppDbContext db)
    {
        for (var round = 0; round <= BatchSize; round++)
        {
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (DbUpdateConcurrencyException exception)
            {
                foreach (var entry in exception.Entries)
                {
                    entry.State = EntityState.Detached;
                }

                logger.LogInformation("{Count} outbox messages were deleted while they were being sent", exception.Entries.Count);
            }
        }
    }

    // Null when the mail was sent or failed on its own account; the error's name when the server
    // takes no mail from the site (then nothing about the mail is changed here).
    private async Task<string?> SendAsync(IMailSession session, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await session.SendAsync(Compose(message), cancellationToken);
            message.MarkSent(clock.GetUtcNow().UtcDateTime);
            logger.LogInformation("Sent outbox message {OutboxMessageId}", message.Id);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = MailOutages.ErrorName(exception);
            if (MailOutages.IsOutage(exception))
            {
                return error;
            }

            message.MarkFailed(clock.GetUtcNow().UtcDateTime, error, options.Value.MaxAttempts);
            if (message.FailedAt is null)
            {
                logger.LogWarning("Outbox message {OutboxMessageId} not sent ({Error}), attempt {Attempt}; next try at {NextAttemptAt:O}",
                    message.Id, error, message.Attempts, message.NextAttemptAt);
            }
            else
            {
                logger.LogError("Outbox message {OutboxMessageId} given up after {Attempt} attempts ({Error})",
                    message.Id, message.Attempts, error);
            }

            return null;
        }
    }

    private MimeMessage Compose(OutboxMessage message)
    {
        var settings = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        if (!string.IsNullOrWhiteSpace(settings.ReplyTo))
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(settings.ReplyTo));
        }

        // MimeKit encodes names and subjects; input was already stripped of control characters.
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
