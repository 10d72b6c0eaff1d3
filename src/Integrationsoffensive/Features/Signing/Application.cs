using Integrationsoffensive.Features.Moderation;

namespace Integrationsoffensive.Features.Signing;

public enum ApplicationStatus
{
    Submitted,
    Confirmed,
    Published,
    Rejected,
    Withdrawn,
}

/// <summary>
/// An organization's application to co-sign. It owns its status: every change goes through one of
/// the transition methods, which check that the change is allowed and append an audit entry that
/// is saved in the same transaction. Public fields are what readers see; contact fields never
/// leave the moderation area and are deleted on withdrawal or after a rejection.
/// </summary>
public sealed class Application
{
    private Application()
    {
    }

    public int Id { get; private set; }

    public ApplicationStatus Status { get; private set; }

    // Public, once published.
    public string OrganizationName { get; private set; } = "";
    public string OrganizationType { get; private set; } = "";
    public string Place { get; private set; } = "";
    public string Region { get; private set; } = "";
    public string? Website { get; private set; }
    public string? Statement { get; private set; }

    /// <summary>The name folded for comparison (case, spaces, Unicode form), to flag duplicates.</summary>
    public string NormalizedName { get; private set; } = "";

    // Private contact data; null once purged.
    public string? ContactName { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }

    public string ConsentVersion { get; private set; } = "";
    public string AppealVersion { get; private set; } = "";
    public bool IsPossibleDuplicate { get; private set; }

    public DateTime SubmittedAt { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public DateTime? RejectedAt { get; private set; }
    public DateTime? ContactDataPurgedAt { get; private set; }
    public string? ModeratedBy { get; private set; }

    /// <summary>Changes with every transition; two moderators saving the same version conflict.</summary>
    public Guid ConcurrencyStamp { get; private set; }

    public List<ApplicationToken> Tokens { get; private set; } = [];
    public List<Email.OutboxMessage> Mails { get; private set; } = [];
    public List<AuditEntry> History { get; private set; } = [];

    public bool HasContactData => Email is not null;

    public static Application Submit(ApplicationDetails details, string appealVersion, string consentVersion, bool possibleDuplicate, DateTime now)
    {
        var application = new Application
        {
            Status = ApplicationStatus.Submitted,
            OrganizationName = details.OrganizationName,
            OrganizationType = details.OrganizationType,
            Place = details.Place,
            Region = details.Region,
            Website = details.Website,
            Statement = details.Statement,
            NormalizedName = OrganizationNames.Normalize(details.OrganizationName),
            ContactName = details.ContactName,
            Email = details.Email,
            Phone = details.Phone,
            AppealVersion = appealVersion,
            ConsentVersion = consentVersion,
            IsPossibleDuplicate = possibleDuplicate,
            SubmittedAt = now,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        application.Record(now, AuditActors.Applicant, AuditActions.Submitted,
            possibleDuplicate ? "Eingereicht; möglicherweise doppelt" : "Eingereicht");
        return application;
    }

    /// <summary>The e-mail address was confirmed through the link. Confirming again changes nothing.</summary>
    public bool Confirm(DateTime now)
    {
        if (Status != ApplicationStatus.Submitted)
        {
            return false;
        }

        Status = ApplicationStatus.Confirmed;
        ConfirmedAt = now;
        Record(now, AuditActors.Applicant, AuditActions.Confirmed, "E-Mail-Adresse bestätigt");
        return true;
    }

    /// <summary>The applicant asked again before confirming; a new link went out.</summary>
    public void RecordConfirmationResent(DateTime now) =>
        Record(now, AuditActors.Applicant, AuditActions.ConfirmationResent, "Neuer Bestätigungslink gesendet");

    public void Publish(string moderator, DateTime now)
    {
        Require(ApplicationStatus.Confirmed, "freigeben");
        Status = ApplicationStatus.Published;
        PublishedAt = now;
        ModeratedBy = moderator;
        Record(now, moderator, AuditActions.Published, "Freigegeben");
    }

    /// <summary>The organization withdraws: gone from every public page, contact data deleted at once.</summary>
    public bool Withdraw(DateTime now)
    {
        if (Status is ApplicationStatus.Withdrawn or ApplicationStatus.Rejected)
        {
            return false;
        }

        Status = ApplicationStatus.Withdrawn;
        WithdrawnAt = now;
        PurgeContactData(now);
        Record(now, AuditActors.Applicant, AuditActions.Withdrawn, "Von der Organisation zurückgezogen; Kontaktdaten gelöscht");
        return true;
    }

    public void PurgeContactData(DateTime now)
    {
        ContactName = null;
        Email = null;
        Phone = null;
        ContactDataPurgedAt ??= now;
        ConcurrencyStamp = Guid.NewGuid();
    }

    private void Require(ApplicationStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new InvalidTransitionException($"Eine Mitzeichnung im Status „{Status}“ kann man nicht {action}.");
        }
    }

    private void Record(DateTime now, string actor, string action, string details)
    {
        ConcurrencyStamp = Guid.NewGuid();
        History.Add(new AuditEntry(now, actor, action, details) { Application = this });
    }
}

/// <summary>The fields an applicant submits, already normalised and validated.</summary>
public sealed record ApplicationDetails(
    string OrganizationName,
    string OrganizationType,
    string Place,
    string Region,
    string? Website,
    string? Statement,
    string ContactName,
    string Email,
    string? Phone);

public sealed class InvalidTransitionException(string message) : InvalidOperationException(message);
