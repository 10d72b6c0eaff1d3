using Integrationsoffensive.Domain;
using Integrationsoffensive.Hosting;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Email;

/// <summary>
/// The mails of the signing flow, in German. Each one to an applicant carries a fresh withdrawal
/// link and is signed by the campaign's contact (<see cref="MailSignature"/>); links are built from
/// the configured public base URL, never from the request.
/// </summary>
public sealed class ApplicationMails(SiteLinks links, MailSignature signature, IOptions<SigningOptions> signing, IOptions<EmailOptions> email)
{
    public const string ConfirmSubject = "Bitte bestätigen Sie Ihre Mitzeichnung";
    public const string ReceiptSubject = "Ihre Mitzeichnung ist eingegangen";
    public const string ModeratorSubject = "Neue Mitzeichnung wartet auf Prüfung";
    public const string PublishedSubject = "Ihre Mitzeichnung ist veröffentlicht";
    public const string RejectedSubject = "Ihre Mitzeichnung wurde nicht veröffentlicht";

    public string ConfirmUrl(string token) => links.Page("/Signing/Confirm", new { token });

    public string WithdrawUrl(string token) => links.Page("/Signing/Withdraw", new { token });

    /// <summary>The applicant's status page, behind the same token as the withdrawal.</summary>
    public string StatusUrl(string token) => links.Page("/Signing/Status", new { token });

    /// <summary>The organization's own entry in the public list: newest first, where a fresh entry stands on the first page.</summary>
    public string EntryUrl(Application application) => links.Page("/Signatories/List", new { sortierung = "neu" }, fragment: $"org-{application.Id}");

    /// <summary>
    /// The confirmation mail for every application that waits for the same address: what will be
    /// published (so a typo is caught before it is public) and one link each. The names in it were
    /// typed by whoever filled in the form, to an address nobody has confirmed yet, so they never
    /// become links (<see cref="MailText.Unlinked"/>).
    /// </summary>
    public MailBody ConfirmationBundle(IReadOnlyList<Application> waiting, DateTime now)
    {
        var days = signing.Value.ConfirmationLinkValidDays;
        var body = MailBody.Create().Paragraph($"Guten Tag {MailText.Unlinked(waiting[^1].ContactName ?? "")},")
            .Paragraph(waiting.Count == 1
                ? $"vielen Dank, dass „{MailText.Unlinked(waiting[0].OrganizationName)}“ den „Aufruf für eine Integrationsoffensive“ mitzeichnen möchte."
                : $"vielen Dank: Mit dieser E-Mail-Adresse möchten {waiting.Count} Organisationen den „Aufruf für eine Integrationsoffensive“ mitzeichnen.")
            .Paragraph($"Bitte bestätigen Sie innerhalb von {days} Tagen, dass diese E-Mail-Adresse Ihnen gehört. Erst danach prüfen wir Ihre Angaben.");
        foreach (var application in waiting)
        {
            var (_, confirm) = ApplicationToken.Issue(application, TokenPurpose.Confirm, now, TimeSpan.FromDays(days));
            var (_, withdraw) = ApplicationToken.Issue(application, TokenPurpose.Withdraw, now, lifetime: null);
            body.Paragraph(waiting.Count == 1 ? "Diese Angaben veröffentlichen wir nach der Prüfung:" : $"„{MailText.Unlinked(application.OrganizationName)}“ – diese Angaben veröffentlichen wir nach der Prüfung:")
                .Lines(MailText.PublicFields(application))
                .Button("Mitzeichnung bestätigen", ConfirmUrl(confirm))
                .Link("Stand der Mitzeichnung ansehen", StatusUrl(withdraw))
                .Link("Mitzeichnung zurückziehen", WithdrawUrl(withdraw));
        }

        var write = signature.ContactAddress is { } address ? $"antworten Sie bitte auf diese E-Mail oder schreiben Sie an {address}" : "antworten Sie bitte auf diese E-Mail";
        body.Paragraph($"Ist etwas falsch geschrieben? Dann {write}: Wir korrigieren es vor der Veröffentlichung.")
            .Paragraph($"Wenn Sie das nicht waren, müssen Sie nichts tun: Unbestätigte Angaben löschen wir nach {signing.Value.UnconfirmedRetentionDays} Tagen.");
        return signature.SignOff(body).Build();
    }

    public OutboxMessage Receipt(Application application, DateTime now)
    {
        var body = Greeting(application)
            .Paragraph($"Sie haben die Mitzeichnung von „{application.OrganizationName}“ bestätigt. Vielen Dank!")
            .Paragraph("Wir prüfen Ihre Angaben und veröffentlichen die Organisation dann in der Liste der Unterzeichnenden. Sobald das geschehen ist, bekommen Sie eine E-Mail.");
        return ToApplicant(application, MailKinds.Receipt, ReceiptSubject, WithWithdrawal(body, application, now), now);
    }

    /// <summary>The organization's entry, how to spread the word and embed the counter, and whom to ask.</summary>
    public OutboxMessage? Published(Application application, DateTime now)
    {
        if (!application.HasContactData)
        {
            return null; // entered by a moderator without an address
        }

        var body = Greeting(application)
            .Paragraph($"„{application.OrganizationName}“ steht jetzt in der Liste der Unterzeichnenden des „Aufrufs für eine Integrationsoffensive“. Vielen Dank für Ihre Unterstützung!")
            .Button("Ihren Eintrag ansehen", EntryUrl(application))
            .Paragraph("Jede Stimme mehr zählt: Erzählen Sie Ihren Mitgliedern, Partnern und Ihrem Netzwerk vom Aufruf, zum Beispiel im Newsletter oder in den sozialen Medien, mit diesem Link:")
            .Link("Der Aufruf", links.Page("/Appeal/Index"))
            .Paragraph("Auf Ihrer eigenen Website können Sie den Zähler der Unterzeichnenden einbinden; er zeigt immer den aktuellen Stand:")
            .Link("Zähler einbetten", links.Page("/Signatories/Embed"));
        if (signature.ContactAddress is { } address)
        {
            body.Paragraph($"Fragen beantworten wir gern: {address}");
        }

        return ToApplicant(application, MailKinds.Published, PublishedSubject, WithWithdrawal(body, application, now), now);
    }

    public OutboxMessage? Rejected(Application application, string reason, string? message, DateTime now)
    {
        if (!application.HasContactData)
        {
            return null;
        }

        var body = Greeting(application)
            .Paragraph($"vielen Dank für Ihr Interesse am „Aufruf für eine Integrationsoffensive“. Wir haben „{application.OrganizationName}“ leider nicht in die Liste der Unterzeichnenden aufgenommen.")
            .Paragraph("Grund: " + reason);
        if (!string.IsNullOrWhiteSpace(message))
        {
            body.Paragraph(message);
        }

        body.Paragraph($"Ihre Kontaktdaten löschen wir nach {signing.Value.RejectedContactRetentionDays} Tagen.");
        return ToApplicant(application, MailKinds.Rejected, RejectedSubject, signature.SignOff(body).Build(), now);
    }

    /// <summary>One mail per configured moderator address; no contact data, only where to look.</summary>
    public IEnumerable<OutboxMessage> ModeratorNotifications(Application application, DateTime now)
    {
        var body = MailBody.Create()
            .Paragraph($"„{application.OrganizationName}“ ({application.Place}, {OrganizationTypes.LabelOf(application.OrganizationType)}) hat die Mitzeichnung bestätigt und wartet auf Prüfung.");
        if (application.IsPossibleDuplicate)
        {
            body.Paragraph("Achtung: Eine Organisation mit diesem Namen steht schon auf der Liste oder hat sich bereits beworben.");
        }

        var mail = body.Button("Zur Prüfung", links.Page("/Moderation/Detail", new { id = application.Id })).Build();
        return email.Value.ModeratorRecipients()
            .Select(address => new OutboxMessage(MailKinds.ModeratorNotice, address, null, ModeratorSubject, mail, now));
    }

    private static MailBodyBuilder Greeting(Application application) =>
        MailBody.Create().Paragraph($"Guten Tag {application.ContactName},");

    private MailBody WithWithdrawal(MailBodyBuilder body, Application application, DateTime now)
    {
        var (_, withdraw) = ApplicationToken.Issue(application, TokenPurpose.Withdraw, now, lifetime: null);
        body.Paragraph("Wo Ihre Mitzeichnung gerade steht, sehen Sie jederzeit hier:")
            .Link("Stand der Mitzeichnung ansehen", StatusUrl(withdraw))
            .Paragraph("Sie können Ihre Mitzeichnung jederzeit zurückziehen. Dann verschwindet die Organisation sofort von der Website, und wir löschen Ihre Kontaktdaten.")
            .Link("Mitzeichnung zurückziehen", WithdrawUrl(withdraw));
        return signature.SignOff(body).Build();
    }

    // Linked to the application, so its mails are deleted together with its contact data.
    private static OutboxMessage ToApplicant(Application application, string kind, string subject, MailBody body, DateTime now)
    {
        var message = new OutboxMessage(kind, application.Email!, application.ContactName, subject, body, now);
        application.Mails.Add(message);
        return message;
    }
}
