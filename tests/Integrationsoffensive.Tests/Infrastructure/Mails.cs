using Integrationsoffensive.Email;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Outbox messages in a known state: waiting, sent or given up at a chosen time.</summary>
public static class Mails
{
    public static OutboxMessage Waiting(string subject, DateTime createdAt) =>
        new(MailKinds.Receipt, "empfang@beispiel.de", "Anna Beispiel", subject, MailBody.Create().Paragraph("Hallo.").Build(), createdAt);

    public static OutboxMessage Sent(string subject, DateTime sentAt)
    {
        var mail = Waiting(subject, sentAt.AddMinutes(-1));
        mail.MarkSent(sentAt);
        return mail;
    }

    public static OutboxMessage GivenUp(string subject, DateTime failedAt)
    {
        var mail = Waiting(subject, failedAt.AddMinutes(-1));
        mail.MarkFailed(failedAt, "SocketException", maxAttempts: 1);
        return mail;
    }
}
