using Integrationsoffensive.Features.Signing;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>
/// One line of the audit trail: who did what, when (UTC). Written in the same transaction as the
/// change it records. There is no code path that edits or deletes an entry. Details never hold
/// contact data.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(DateTime occurredAt, string actor, string action, string details)
    {
        OccurredAt = occurredAt;
        Actor = actor;
        Action = action;
        Details = details;
    }

    public long Id { get; private set; }
    public DateTime OccurredAt { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Details { get; private set; } = "";

    /// <summary>The application concerned, if any; kept as null when the application is deleted.</summary>
    public int? ApplicationId { get; private set; }
    public Application? Application { get; init; }
}

public static class AuditActors
{
    public const string Applicant = "Antragsteller*in";
    public const string System = "System";
    public const string Cli = "Kommandozeile";
}

public static class AuditActions
{
    public const string Submitted = "eingereicht";
    public const string Confirmed = "bestätigt";
    public const string ConfirmationResent = "Bestätigungslink erneut gesendet";
    public const string Published = "freigegeben";
    public const string Rejected = "abgelehnt";
    public const string Unpublished = "depubliziert";
    public const string Edited = "bearbeitet";
    public const string Note = "Notiz";
    public const string AddedByModerator = "direkt eingetragen";
    public const string Imported = "importiert";
    public const string Exported = "exportiert";
    public const string LoginSucceeded = "Anmeldung erfolgreich";
    public const string LoginFailed = "Anmeldung fehlgeschlagen";
    public const string LockedOut = "Konto gesperrt (zu viele Versuche)";
    public const string TwoFactorEnabled = "Zwei-Faktor-Anmeldung eingerichtet";
    public const string PasswordChanged = "Passwort geändert";
    public const string ModeratorAdded = "Moderator*in eingeladen";
    public const string ModeratorDisabled = "Moderator*in deaktiviert";
    public const string ReasonsChanged = "Ablehnungsgründe geändert";
    public const string Withdrawn = "zurückgezogen";
    public const string DeletedUnconfirmed = "unbestätigt gelöscht";
    public const string ContactDataPurged = "Kontaktdaten gelöscht";
}
