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

    /// <summary>Sends the oldest due message; false when none is due.</summary>
    public async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        var id = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => (long?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return false;
        }

        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedUntil, now + Lease)
                .SetProperty(m => m.QueueKey, (string?)null) // no longer open for new applications to join
                .SetProperty(m => m.Version, Guid.NewGuid()), cancellationToken);
        if (claimed == 0)
        {
            return true; // another instance took it
        }

        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(Compose(message), cancellationToken);
            message.MarkSent(clock.GetUtcNow().UtcDateTime);
            logger.LogInformation("Sent outbox message {OutboxMessageId}", message.Id);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.MarkFailed(clock.GetUtcNow().UtcDateTime, exception.GetType().Name, options.Value.MaxAttempts);
            if (message.FailedAt is null)
            {
                logger.LogWarning("Outbox message {OutboxMessageId} not sent ({Error}), attempt {Attempt}; next try at {NextAttemptAt:O}",
                    message.Id, exception.GetType().Name, message.Attempts, message.NextAttemptAt);
            }
            else
            {
                logger.LogError("Outbox message {OutboxMessageId} given up after {Attempt} attempts ({Error})",
                    message.Id, message.Attempts, exception.GetType().Name);
            }
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted while it was being sent: its contact data were purged (a withdrawal) meanwhile.
            logger.LogInformation("Outbox message {OutboxMessageId} was deleted while it was being sent", message.Id);
        }

        return true;
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
