namespace Integrationsoffensive.Domain;

/// <summary>The allowed changes of an application, each with its audit entry.</summary>
public sealed partial class Application
{
    /// <summary>The e-mail address was confirmed through the link. Confirming again changes nothing.</summary>
    public bool Confirm(DateTime now)
    {
        if (Status != ApplicationStatus.Submitted)
        {
            return false;
        }

        Status = ApplicationStatus.Confirmed;
        ConfirmedAt = now;
        Record(now, AuditActors.Applicant, AuditAction.Confirmed);
        return true;
    }

    /// <summary>The applicant asked again before confirming; a new link went out.</summary>
    public void RecordConfirmationResent(DateTime now) => Record(now, AuditActors.Applicant, AuditAction.ConfirmationResent);

    public void Publish(string moderator, DateTime now)
    {
        Require(ApplicationStatus.Confirmed, "freigeben");
        Status = ApplicationStatus.Published;
        PublishedAt = now;
        ModeratedBy = moderator;
        Record(now, moderator, AuditAction.Published);
    }

    public void Reject(string moderator, string reason, DateTime now)
    {
        Require(ApplicationStatus.Confirmed, "ablehnen");
        Status = ApplicationStatus.Rejected;
        RejectedAt = now;
        RejectionReason = reason;
        ModeratedBy = moderator;
        Record(now, moderator, AuditAction.Rejected, reason);
    }

    /// <summary>A moderator takes a published entry down; the organization is told nothing automatically.</summary>
    public void Unpublish(string moderator, string? note, DateTime now)
    {
        Require(ApplicationStatus.Published, "depublizieren");
        Status = ApplicationStatus.Unpublished;
        UnpublishedAt = now;
        ModeratedBy = moderator;
        Record(now, moderator, AuditAction.Unpublished, note ?? "");
    }

    /// <summary>Corrects public fields; each changed field is recorded with its old and new value.</summary>
    public IReadOnlyList<string> Edit(string moderator, PublicFields fields, DateTime now)
    {
        if (Status is ApplicationStatus.Withdrawn or ApplicationStatus.Rejected)
        {
            throw new InvalidTransitionException("Zurückgezogene oder abgelehnte Mitzeichnungen kann man nicht bearbeiten.");
        }

        var before = PublicFields;
        var changes = new List<string>();
        void Compare(string label, string? old, string? changed)
        {
            if (old != changed)
            {
                changes.Add($"{label}: „{old}“ → „{changed}“");
            }
        }

        Compare("Name", before.OrganizationName, fields.OrganizationName);
        Compare("Art", before.OrganizationType, fields.OrganizationType);
        Compare("Ort", before.Place, fields.Place);
        Compare("Region", before.Region, fields.Region);
        Compare("Website", before.Website, Websites.Normalize(fields.Website));
        Compare("Kurzbegründung", before.Statement, fields.Statement);
        if (changes.Count > 0)
        {
            SetPublicFields(fields);
            Record(now, moderator, AuditAction.Edited, string.Join("; ", changes));
        }

        return changes;
    }

    /// <summary>A moderator takes the logo away (unsuitable, not the organization's); recorded in the history.</summary>
    public void RemoveLogo(string moderator, DateTime now)
    {
        if (Logo is null)
        {
            throw new InvalidTransitionException("Diese Mitzeichnung hat kein Logo (mehr).");
        }

        Logo = null;
        Record(now, moderator, AuditAction.LogoRemoved);
    }

    /// <summary>An internal note for the other moderators; part of the application's history.</summary>
    public void AddNote(string moderator, string note, DateTime now) => Record(now, moderator, AuditAction.Note, note);

    /// <summary>
    /// The organization withdraws, whatever the state: gone from every public page, contact data
    /// deleted at once. Withdrawing again changes nothing.
    /// </summary>
    public bool Withdraw(DateTime now)
    {
        if (Status == ApplicationStatus.Withdrawn)
        {
            return false;
        }

        Status = ApplicationStatus.Withdrawn;
        WithdrawnAt = now;
        PurgeContactData(now);
        Record(now, AuditActors.Applicant, AuditAction.Withdrawn);
        return true;
    }

    /// <summary>After a rejection or an unpublishing, contact data are kept only as long as the privacy policy says.</summary>
    public void PurgeContactDataAfterRetention(DateTime now)
    {
        if (Status is not (ApplicationStatus.Rejected or ApplicationStatus.Unpublished))
        {
            throw new InvalidTransitionException(
                $"Bei einer Mitzeichnung im Status „{ApplicationStatusLabels.Of(Status)}“ werden Kontaktdaten nicht nach Frist gelöscht.");
        }

        PurgeContactData(now);
        Record(now, AuditActors.System, AuditAction.ContactDataPurged);
    }
}
