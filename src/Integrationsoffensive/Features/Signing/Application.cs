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

    /// <summary>Name and place folded for the public search (see <see cref="OrganizationNames.SearchKey"/>).</summary>
    public string SearchKey { get; private set; } = "";

    /// <summary>When anything about the application last changed; public caches and ETags follow it.</summary>
    public DateTime UpdatedAt { get; private set; }

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
    public string? RejectionReason { get; private set; }

    /// <summary>Entered by a moderator (collected offline or imported), not through the form.</summary>
    public bool AddedByModerator { get; private set; }

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
            SearchKey = OrganizationNames.SearchKey(details.OrganizationName + " " + details.Place),
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

    /// <summary>
    /// A signatory collected elsewhere (on paper, by phone), entered or imported by a moderator:
    /// published at once, without contact data unless they were collected too.
    /// </summary>
    public static Application AddByModerator(ApplicationDetails details, string appealVersion, string moderator, string source, bool possibleDuplicate, DateTime now)
    {
        var application = Submit(details, appealVersion, consentVersion: "offline", possibleDuplicate, now);
        application.History.Clear();
        application.AddedByModerator = true;
        application.Status = ApplicationStatus.Published;
        application.ConfirmedAt = now;
        application.PublishedAt = now;
        application.ModeratedBy = moderator;
        application.Record(now, moderator, AuditActions.AddedByModerator, source);
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

    public void Reject(string moderator, string reason, DateTime now)
    {
        Require(ApplicationStatus.Confirmed, "ablehnen");
        Status = ApplicationStatus.Rejected;
        RejectedAt = now;
        RejectionReason = reason;
        ModeratedBy = moderator;
        Record(now, moderator, AuditActions.Rejected, "Abgelehnt: " + reason);
    }

    /// <summary>A moderator takes a published entry down; the organization is told nothing automatically.</summary>
    public void Unpublish(string moderator, string? note, DateTime now)
    {
        Require(ApplicationStatus.Published, "depublizieren");
        Status = ApplicationStatus.Withdrawn;
        WithdrawnAt = now;
        ModeratedBy = moderator;
        Record(now, moderator, AuditActions.Unpublished, string.IsNullOrWhiteSpace(note) ? "Depubliziert" : "Depubliziert: " + note);
    }

    /// <summary>Corrects public fields; each changed field is recorded with its old and new value.</summary>
    public IReadOnlyList<string> Edit(string moderator, PublicFields fields, DateTime now)
    {
        if (Status is ApplicationStatus.Withdrawn or ApplicationStatus.Rejected)
        {
            throw new InvalidTransitionException("Zurückgezogene oder abgelehnte Mitzeichnungen kann man nicht bearbeiten.");
        }

        var changes = new List<string>();
        void Change(string label, string? before, string? after, Action apply)
        {
            if (before != after)
            {
                changes.Add($"{label}: „{before}“ → „{after}“");
                apply();
            }
        }

        Change("Name", OrganizationName, fields.OrganizationName, () =>
        {
            OrganizationName = fields.OrganizationName;
            NormalizedName = OrganizationNames.Normalize(fields.OrganizationName);
        });
        Change("Art", OrganizationType, fields.OrganizationType, () => OrganizationType = fields.OrganizationType);
        Change("Ort", Place, fields.Place, () => Place = fields.Place);
        Change("Region", Region, fields.Region, () => Region = fields.Region);
        Change("Website", Website, fields.Website, () => Website = fields.Website);
        Change("Kurzbegründung", Statement, fields.Statement, () => Statement = fields.Statement);
        if (changes.Count > 0)
        {
            SearchKey = OrganizationNames.SearchKey(OrganizationName + " " + Place);
            Record(now, moderator, AuditActions.Edited, string.Join("; ", changes));
        }

        return changes;
    }

    /// <summary>An internal note for the other moderators; part of the application's history.</summary>
    public void AddNote(string moderator, string note, DateTime now) => Record(now, moderator, AuditActions.Note, note);

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

    /// <summary>After a rejection, contact data are kept only as long as the privacy policy says.</summary>
    public void PurgeContactDataAfterRejection(DateTime now)
    {
        Require(ApplicationStatus.Rejected, "nach Ablauf der Frist bereinigen");
        PurgeContactData(now);
        Record(now, AuditActors.System, AuditActions.ContactDataPurged, "Kontaktdaten nach Ablehnung fristgerecht gelöscht");
    }

    private void PurgeContactData(DateTime now)
    {
        ContactName = null;
        Email = null;
        Phone = null;
        ContactDataPurgedAt ??= now;
        ConcurrencyStamp = Guid.NewGuid();
        UpdatedAt = now;
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
        UpdatedAt = now;
        History.Add(new AuditEntry(now, actor, action, details) { Application = this });
    }
}

/// <summary>The fields readers see, as a moderator corrects them.</summary>
public sealed record PublicFields(string OrganizationName, string OrganizationType, string Place, string Region, string? Website, string? Statement);

/// <summary>The fields an applicant submits, already normalised and validated.</summary>
public sealed record ApplicationDetails(
    string OrganizationName,
    string OrganizationType,
    string Place,
    string Region,
    string? Website,
    string? Statement,
    string? ContactName,
    string? Email,
    string? Phone);

public sealed class InvalidTransitionException(string message) : InvalidOperationException(message);
