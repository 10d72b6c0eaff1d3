namespace Integrationsoffensive.Domain;

/// <summary>
/// An organization's application to co-sign: the campaign's core entity. It owns its status: every
/// change goes through one of the transition methods (<c>Application.Transitions.cs</c>), which check
/// that the change is allowed and append an audit entry that is saved in the same transaction.
/// Public fields are what readers see; contact fields never leave the moderation area.
/// </summary>
public sealed partial class Application : Data.IVersioned
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

    /// <summary>The name folded for duplicate checks (see <see cref="OrganizationNames.Normalize"/>).</summary>
    public string NormalizedName { get; private set; } = "";

    /// <summary>The website's host without "www.", for duplicate checks; null without a website.</summary>
    public string? WebsiteHost { get; private set; }

    /// <summary>Name and place folded for the public search (see <see cref="OrganizationNames.SearchKey"/>).</summary>
    public string SearchKey { get; private set; } = "";

    /// <summary>When anything about the application last changed; public caches and ETags follow it.</summary>
    public DateTime UpdatedAt { get; private set; }

    // Private contact data; null once purged.
    public string? ContactName { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }

    public string ConsentVersion { get; private set; } = "";

    /// <summary>The nonce of the form it was sent with (unique): one fetched form carries one application.</summary>
    public string? FormNonce { get; private set; }
    public string AppealVersion { get; private set; } = "";
    public bool IsPossibleDuplicate { get; private set; }

    public DateTime SubmittedAt { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime? RejectedAt { get; private set; }
    public DateTime? UnpublishedAt { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
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

    /// <summary>The organization's logo, if it sent one; loaded only where it is needed (<c>Include</c>).</summary>
    public ApplicationLogo? Logo { get; private set; }

    public bool HasContactData => Email is not null;

    public static Application Submit(ApplicationDetails details, string appealVersion, string consentVersion, bool possibleDuplicate, DateTime now, string? formNonce = null, ApplicationLogo? logo = null)
    {
        var application = New(details, appealVersion, consentVersion, possibleDuplicate, now);
        application.FormNonce = formNonce;
        application.Logo = logo;
        var notes = new[] { possibleDuplicate ? "möglicherweise doppelt" : null, logo is null ? null : "mit Logo" };
        application.Record(now, AuditActors.Applicant, AuditAction.Submitted, string.Join(", ", notes.OfType<string>()));
        return application;
    }

    /// <summary>
    /// A signatory collected elsewhere (on paper, by phone), entered or imported by a moderator:
    /// published at once, without contact data unless they were collected too.
    /// </summary>
    public static Application AddByModerator(ApplicationDetails details, string appealVersion, string moderator, string source, bool possibleDuplicate, DateTime now)
    {
        var application = New(details, appealVersion, consentVersion: "offline", possibleDuplicate, now);
        application.Status = ApplicationStatus.Published;
        application.AddedByModerator = true;
        application.ConfirmedAt = now;
        application.PublishedAt = now;
        application.ModeratedBy = moderator;
        application.Record(now, moderator, AuditAction.AddedByModerator, source);
        return application;
    }

    private static Application New(ApplicationDetails details, string appealVersion, string consentVersion, bool possibleDuplicate, DateTime now)
    {
        var application = new Application
        {
            Status = ApplicationStatus.Submitted,
            ContactName = details.ContactName,
            Email = details.Email,
            Phone = details.Phone,
            AppealVersion = appealVersion,
            ConsentVersion = consentVersion,
            IsPossibleDuplicate = possibleDuplicate,
            SubmittedAt = now,
        };
        application.SetPublicFields(details.PublicFields);
        return application;
    }

    public PublicFields PublicFields => new(OrganizationName, OrganizationType, Place, Region, Website, Statement);

    /// <summary>
    /// Recomputes the keys derived from the public fields (duplicate, website and search keys), for
    /// rows stored before the folding rules changed. Changes nothing a reader or moderator sees.
    /// </summary>
    public void RefreshDerivedKeys() => SetPublicFields(PublicFields);

    private void SetPublicFields(PublicFields fields)
    {
        OrganizationName = fields.OrganizationName;
        OrganizationType = fields.OrganizationType;
        Place = fields.Place;
        Region = fields.Region;
        Website = Websites.Normalize(fields.Website);
        Statement = fields.Statement;
        NormalizedName = OrganizationNames.Normalize(fields.OrganizationName);
        WebsiteHost = Websites.HostOf(fields.Website);
        SearchKey = OrganizationNames.SearchKey(fields.OrganizationName + " " + fields.Place);
    }

    // The logo goes with the contact data: callers load it (Include) so that EF deletes its row.
    private void PurgeContactData(DateTime now)
    {
        ContactName = null;
        Email = null;
        Phone = null;
        Logo = null;
        ContactDataPurgedAt ??= now;
    }

    private void Require(ApplicationStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new InvalidTransitionException(
                $"Eine Mitzeichnung im Status „{ApplicationStatusLabels.Of(Status)}“ kann man nicht {action}.");
        }
    }

    private void Record(DateTime now, string actor, AuditAction action, string details = "")
    {
        ConcurrencyStamp = Guid.NewGuid();
        UpdatedAt = now;
        History.Add(new AuditEntry(now, actor, action, details) { Application = this });
    }
}
