namespace Integrationsoffensive.Domain;

/// <summary>The one place where audit codes become German words for the people reading the trail.</summary>
public static class AuditLabels
{
    public static string Of(AuditAction action) => action switch
    {
        AuditAction.Submitted => "eingereicht",
        AuditAction.Confirmed => "bestätigt",
        AuditAction.ConfirmationResent => "Bestätigungslink erneut gesendet",
        AuditAction.Published => "freigegeben",
        AuditAction.Rejected => "abgelehnt",
        AuditAction.Unpublished => "depubliziert",
        AuditAction.Edited => "bearbeitet",
        AuditAction.Note => "Notiz",
        AuditAction.AddedByModerator => "direkt eingetragen",
        AuditAction.Imported => "importiert",
        AuditAction.Exported => "exportiert",
        AuditAction.LoginSucceeded => "Anmeldung erfolgreich",
        AuditAction.LoginFailed => "Anmeldung fehlgeschlagen",
        AuditAction.LockedOut => "Konto gesperrt (zu viele Versuche)",
        AuditAction.TwoFactorEnabled => "Zwei-Faktor-Anmeldung eingerichtet",
        AuditAction.PasswordChanged => "Passwort geändert",
        AuditAction.ModeratorInvited => "Moderator*in eingeladen",
        AuditAction.ModeratorDisabled => "Moderator*in deaktiviert",
        AuditAction.ReasonsChanged => "Ablehnungsgründe geändert",
        AuditAction.Withdrawn => "zurückgezogen",
        AuditAction.DeletedUnconfirmed => "unbestätigt gelöscht",
        AuditAction.ContactDataPurged => "Kontaktdaten gelöscht",
        AuditAction.ModeratorReinvited => "Moderator*in neu eingeladen",
        AuditAction.ModeratorEnabled => "Moderator*in wieder freigeschaltet",
        AuditAction.TwoFactorReset => "Zwei-Faktor-Anmeldung zurückgesetzt",
        AuditAction.PasswordResetRequested => "neues Passwort angefordert",
        AuditAction.PasskeyAdded => "Passkey hinzugefügt",
        AuditAction.PasskeyRemoved => "Passkey entfernt",
        AuditAction.LogoRemoved => "Logo entfernt",
        _ => action.ToString(),
    };

    /// <summary>A moderator's address as it is; the system actors in German.</summary>
    public static string Actor(string actor) => actor switch
    {
        AuditActors.Applicant => "Antragsteller*in",
        AuditActors.System => "System",
        AuditActors.Cli => "Kommandozeile",
        AuditActors.UnknownAccount => "unbekanntes Konto",
        _ => actor,
    };
}
