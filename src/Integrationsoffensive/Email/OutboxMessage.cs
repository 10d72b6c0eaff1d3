namespace Integrationsoffensive.Email;

/// <summary>
/// An e-mail waiting to be sent. It is added to the same SaveChanges as the change that causes
/// it, so a mail is never lost and never sent for a change that was rolled back.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(string kind, string toAddress, string? toName, string subject, MailBody body, DateTime now, DateTime? due = null)
    {
        Kind = kind;
        ToAddress = toAddress;
        ToName = toName;
        Subject = subject;
        TextBody = body.Text;
        HtmlBody = body.Html;
        CreatedAt = now;
        NextAttemptAt = due ?? now;
        Version = Guid.NewGuid();
    }

    public long Id { get; private set; }

    /// <summary>The application the mail is about; its mails are deleted with its contact data.</summary>
    public int? ApplicationId { get; private set; }

    /// <summary>What the mail is (see <see cref="MailKinds"/>), a stable code.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>
    /// Set while a confirmation mail waits to be sent and no sender has claimed it yet: the address.
    /// Unique, so an address has at most one such mail, which new applications join.
    /// </summary>
    public string? QueueKey { get; private set; }

    /// <summary>Changes whenever the mail is rewritten or claimed; two writers conflict instead of overwriting.</summary>
    public Guid Version { get; private set; }

    public string ToAddress { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? LockedUntil { get; set; }
    public int Attempts { get; private set; }
    public DateTime? SentAt { get; private set; }
    public DateTime? FailedAt { get; private set; }

    /// <summary>The kind of the last error (no message text: SMTP errors may quote addresses).</summary>
    public string? LastError { get; private set; }

    /// <summary>Holds the mail back as the one queued confirmation mail of its address.</summary>
    public OutboxMessage Queued()
    {
        QueueKey = ToAddress;
        return this;
    }

    /// <summary>A queued mail takes new content (every application waiting for its address), keeping its time.</summary>
    public void Rewrite(string? toName, MailBody body)
    {
        ToName = toName;
        TextBody = body.Text;
        HtmlBody = body.Html;
        Version = Guid.NewGuid();
    }

    public void MarkSent(DateTime now)
    {
        SentAt = now;
        LockedUntil = null;
        Attempts++;
        ForgetBody();
    }

    // The body holds confirmation and withdrawal links; once the mail is out (or given up),
    // the database keeps no working link, only that a mail was sent and to whom.
    private void ForgetBody()
    {
        TextBody = "";
        HtmlBody = "";
    }

    /// <summary>Schedules the next try with exponential backoff, or gives up after the last one.</summary>
    public void MarkFailed(DateTime now, string error, int maxAttempts)
    {
        Attempts++;
        LastError = error;
        LockedUntil = null;
        if (Attempts >= maxAttempts)
        {
            FailedAt = now;
            ForgetBody();
            return;
        }

        NextAttemptAt = now + Backoff(Attempts);
    }

    /// <summary>
    /// The mail server takes no mail from the site: not this mail's failure, so none of its tries is used
    /// up (a weekend without the relay must not cost applicants their confirmation link). It waits
    /// for the server's next try.
    /// </summary>
    public void WaitForServer(DateTime nextTry, string error)
    {
        LastError = error;
        LockedUntil = null;
        NextAttemptAt = nextTry;
    }

    /// <summary>30 s, 1 min, 2 min, 4 min … capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
