using Integrationsoffensive.Domain;
using Integrationsoffensive.Hosting;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Email;

/// <summary>
/// The mails of the signing flow, in German. Each one to an applicant carries a fresh withdrawal
/// link; links are built from the configured public base URL, never from the request.
/// </summary>
public sealed class ApplicationMails(SiteLinks links, IOptions<SigningOptions> signing, IOptions<EmailOptions> email)
{
    public const string ConfirmSubject = "Bitte bestätigen Sie Ihre Mitzeichnung";
    public const string ReceiptSubject = "Ihre Mitzeichnung ist eingegangen";
    public const string ModeratorSubject = "Neue Mitzeichnung wartet auf Prüfung";
    public const string PublishedSubject = "Ihre Mitzeichnung ist veröffentlicht";
    public const string RejectedSubject = "Ihre Mitzeichnung wurde nicht veröffentlicht";

    public string ConfirmUrl(string token) => links.Page("/Signing/Confirm", new { token });

    public string WithdrawUrl(string token) => links.Page("/Signing/Withdraw", new { token });

    /// <summary>
    /// The confirmation mail for every application that waits for the same address: one link each.
    /// The names in it were typed by whoever filled in the form, to an address nobody has confirmed
    /// yet, so they never become links (<see cref="MailText.Unlinked"/>).
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
            if (waiting.Count > 1)
            {
                body.Paragraph($"„{MailText.Unlinked(application.OrganizationName)}“:");
            }

            body.Link("Mitzeichnung bestätigen", ConfirmUrl(confirm)).Link("Mitzeichnung zurückziehen", WithdrawUrl(withdraw));
        }

        return body
            .Paragraph($"Wenn Sie das nicht waren, müssen Sie nichts tun: Unbestätigte Angaben löschen wir nach {signing.Value.UnconfirmedRetentionDays} Tagen.")
            .Paragraph("Mit freundlichen Grüßen\nIhr Team des Aufrufs für eine Integrationsoffensive")
            .Build();
    }

    public OutboxMessage Receipt(Application application, DateTime now)
    {
        var body = Greeting(application)
            .Paragraph($"Sie haben die Mitzeichnung von „{application.OrganizationName}“ bestätigt. Vielen Dank!")
            .Paragraph("Wir prüfen Ihre Angaben und veröffentlichen die Organisation dann in der Liste der Unterzeichnenden. Sobald das geschehen ist, bekommen Sie eine E-Mail.");
        return ToApplicant(application, MailKinds.Receipt, ReceiptSubject, WithWithdrawal(body, application, now), now);
    }

    public OutboxMessage? Published(Application application, DateTime now)
    {
        if (!application.HasContactData)
        {
            return null; // entered by a moderator without an address
        }

        var body = Greeting(application)
            .Paragraph($"„{application.OrganizationName}“ steht jetzt in der Liste der Unterzeichnenden des „Aufrufs für eine Integrationsoffensive“. Vielen Dank für Ihre Unterstützung!")
            .Link("Zum Aufruf", links.Page("/Appeal/Index"));
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

        body.Paragraph($"Ihre Kontaktdaten löschen wir nach {signing.Value.RejectedContactRetentionDays} Tagen.")
            .Paragraph("Mit freundlichen Grüßen\nIhr Team des Aufrufs für eine Integrationsoffensive");
        return ToApplicant(application, MailKinds.Rejected, RejectedSubject, body.Build(), now);
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

        var mail = body.Link("Zur Moderation", links.Page("/Moderation/Index")).Build();
        return email.Value.ModeratorAddresses
            .Where(address => !string.IsNullOrWhiteSpace(address))
            .Select(address => new OutboxMessage(MailKinds.ModeratorNotice, address.Trim(), null, ModeratorSubject, mail, now));
    }

    private MailBodyBuilder Greeting(Application application) =>
        MailBody.Create().Paragraph($"Guten Tag {application.ContactName},");

    private MailBody WithWithdrawal(MailBodyBuilder body, Application application, DateTime now)
    {
        var (_, withdraw) = ApplicationToken.Issue(application, TokenPurpose.Withdraw, now, lifetime: null);
        return body
            .Paragraph("Sie können Ihre Mitzeichnung jederzeit zurückziehen. Dann verschwindet die Organisation sofort von der Website, und wir löschen Ihre Kontaktdaten.")
            .Link("Mitzeichnung zurückziehen", WithdrawUrl(withdraw))
            .Paragraph("Mit freundlichen Grüßen\nIhr Team des Aufrufs für eine Integrationsoffensive")
            .Build();
    }

    // Linked to the application, so its mails are deleted together with its contact data.
    private static OutboxMessage ToApplicant(Application application, string kind, string subject, MailBody body, DateTime now)
    {
        var message = new OutboxMessage(kind, application.Email!, application.ContactName, subject, body, now);
        application.Mails.Add(message);
        return message;
    }
}
