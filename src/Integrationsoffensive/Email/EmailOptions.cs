using MailKit.Security;

namespace Integrationsoffensive.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "aufruf@localhost";
    public string FromName { get; set; } = "Aufruf für eine Integrationsoffensive";
    public string? ReplyTo { get; set; }

    /// <summary>Who is told about applications waiting for review.</summary>
    public List<string> ModeratorAddresses { get; set; } = [];

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The person who signs the mails to organizations and whom they can ask.</summary>
    public ContactOptions Contact { get; set; } = new();

    /// <summary>Folder in the data directory where mails are written as .eml when no SMTP host is set.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public double PollIntervalSeconds { get; set; } = 2;
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Sent mails are deleted after this many days (they contain addresses).</summary>
    public int SentRetentionDays { get; set; } = 7;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The moderator addresses that are set, trimmed.</summary>
    public IEnumerable<string> ModeratorRecipients() =>
        ModeratorAddresses.Where(address => !string.IsNullOrWhiteSpace(address)).Select(address => address.Trim());
}

/// <summary>The campaign's contact (Email:Contact:…), named in every mail to an organization; empty: the team signs.</summary>
public sealed class ContactOptions
{
    public string? Name { get; set; }

    /// <summary>What the person does for the campaign, e.g. „Koordination des Aufrufs“.</summary>
    public string? Role { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(Name);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}
