using Integrationsoffensive.Domain;
using Integrationsoffensive.Hosting;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Email;

/// <summary>
/// Mails to the moderators themselves: the daily digest and the links of their accounts
/// (invitation, a new second factor, a forgotten password). No contact data of applicants.
/// </summary>
public sealed class ModeratorMails(SiteLinks links, IOptions<EmailOptions> email)
{
    public const string DigestSubject = "Tagesübersicht: Mitzeichnungen warten auf Prüfung";
    public const string InvitationSubject = "Ihr Zugang zur Moderation des Aufrufs";
    public const string TwoFactorSubject = "Richten Sie Ihre Anmeldung mit zwei Faktoren neu ein";
    public const string PasswordResetSubject = "Neues Passwort für die Moderation";

    /// <summary>
    /// The link to set up an account: for a newcomer or an account started over (password and second
    /// factor new), or, with <paramref name="keepsPassword"/>, only a new second factor.
    /// </summary>
    public OutboxMessage Invitation(string address, string link, double validHours, bool keepsPassword, DateTime now)
    {
        var body = MailBody.Create()
            .Paragraph("Guten Tag,")
            .Paragraph(keepsPassword
                ? "Ihre Anmeldung mit zwei Faktoren für die Moderation des „Aufrufs für eine Integrationsoffensive“ wurde zurückgesetzt. Ihre bisherige Authenticator-App, Ihre Wiederherstellungscodes und Ihre Passkeys gelten nicht mehr."
                : "Sie sind eingeladen, beim „Aufruf für eine Integrationsoffensive“ Anträge auf Mitzeichnung zu prüfen. Über den Link wählen Sie ein Passwort und verbinden eine Authenticator-App.")
            .Button(keepsPassword ? "Zweiten Faktor einrichten" : "Zugang einrichten", link)
            .Paragraph($"Der Link gilt {validHours:0} Stunden und nur einmal. Haben Sie das nicht erwartet, antworten Sie bitte nicht, sondern sagen Sie einer Admin Bescheid.")
            .Build();
        return new OutboxMessage(MailKinds.Invitation, address, null, keepsPassword ? TwoFactorSubject : InvitationSubject, body, now);
    }

    public OutboxMessage PasswordReset(string address, string link, double validMinutes, DateTime now)
    {
        var body = MailBody.Create()
            .Paragraph("Guten Tag,")
            .Paragraph("Sie haben ein neues Passwort für die Moderation des „Aufrufs für eine Integrationsoffensive“ angefordert.")
            .Button("Neues Passwort wählen", link)
            .Paragraph($"Der Link gilt {validMinutes:0} Minuten und nur einmal. Zum Anmelden brauchen Sie weiterhin Ihren zweiten Faktor.")
            .Paragraph("Haben Sie nichts angefordert, müssen Sie nichts tun: Ihr bisheriges Passwort gilt weiter.")
            .Build();
        return new OutboxMessage(MailKinds.PasswordReset, address, null, PasswordResetSubject, body, now);
    }

    /// <summary>What waits, how much of it too long, and the oldest by name; one mail per configured moderator address.</summary>
    public IEnumerable<OutboxMessage> Digest(WaitingSummary waiting, DateTime now)
    {
        var overdue = waiting.Overdue == 0 ? ""
            : $" {waiting.Overdue} davon {(waiting.Overdue == 1 ? "wartet" : "warten")} länger als {waiting.OverdueDays} {(waiting.OverdueDays == 1 ? "Tag" : "Tage")}.";
        var body = MailBody.Create()
            .Paragraph("Guten Tag,")
            .Paragraph((waiting.Count == 1 ? "1 Mitzeichnung wartet" : $"{waiting.Count} Mitzeichnungen warten") + " auf Ihre Prüfung." + overdue)
            .Paragraph($"Am längsten wartet „{MailText.Unlinked(waiting.OldestName)}“, {ReviewTimes.Since(now - waiting.OldestConfirmedAt)}.")
            .Button("Zur Warteschlange", links.Page("/Moderation/Index"))
            .Paragraph("Diese Übersicht kommt einmal am Tag, solange Anträge warten.")
            .Build();
        return email.Value.ModeratorRecipients().Select(address => new OutboxMessage(MailKinds.ReviewDigest, address, null, DigestSubject, body, now));
    }
}
