namespace Integrationsoffensive.Domain;

/// <summary>
/// One line of the audit trail: who did what, when (UTC). Written in the same transaction as the
/// change it records. There is no code path that edits or deletes an entry. The action and the
/// system actors are stored as stable codes; <see cref="AuditLabels"/> turns them into German when
/// shown. Details never hold contact data.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(DateTime occurredAt, string actor, AuditAction action, string details = "")
    {
        OccurredAt = occurredAt;
        Actor = actor;
        Action = action;
        Details = details;
    }

    public long Id { get; private set; }
    public DateTime OccurredAt { get; private set; }

    /// <summary>A moderator's e-mail address, or one of the <see cref="AuditActors"/> codes.</summary>
    public string Actor { get; private set; } = "";
    public AuditAction Action { get; private set; }
    public string Details { get; private set; } = "";

    /// <summary>The application concerned, if any; kept as null when the application is deleted.</summary>
    public int? ApplicationId { get; private set; }
    public Application? Application { get; init; }
}

/// <summary>Actors that are not a moderator, stored as codes.</summary>
public static class AuditActors
{
    public const string Applicant = "applicant";
    public const string System = "system";
    public const string Cli = "cli";

    /// <summary>Failed sign-ins with an address that has no account.</summary>
    public const string UnknownAccount = "unknown-account";
}

/// <summary>What happened. Stored by name: the names are stable codes, never shown as they are.</summary>
public enum AuditAction
{
    Submitted,
    Confirmed,
    ConfirmationResent,
    Published,
    Rejected,
    Unpublished,
    Edited,
    Note,
    AddedByModerator,
    Imported,
    Exported,
    LoginSucceeded,
    LoginFailed,
    LockedOut,
    TwoFactorEnabled,
    PasswordChanged,
    ModeratorInvited,
    ModeratorDisabled,
    ReasonsChanged,
    Withdrawn,
    DeletedUnconfirmed,
    ContactDataPurged,
    ModeratorReinvited,
    ModeratorEnabled,
    TwoFactorReset,
    PasswordResetRequested,
    PasskeyAdded,
    PasskeyRemoved,
    LogoRemoved,
}
