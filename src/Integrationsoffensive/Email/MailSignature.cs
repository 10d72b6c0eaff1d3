using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Email;

/// <summary>
/// The end of every mail to an organization: the campaign's contact by name, with how to reach
/// them (<see cref="ContactOptions"/>), instead of an anonymous team; the team only while nobody is configured.
/// </summary>
public sealed class MailSignature(IOptions<EmailOptions> email)
{
    public const string Team = "Ihr Team des Aufrufs für eine Integrationsoffensive";

    public MailBodyBuilder SignOff(MailBodyBuilder body)
    {
        var contact = email.Value.Contact;
        if (!contact.IsSet)
        {
            return body.Paragraph("Mit freundlichen Grüßen\n" + Team);
        }

        var lines = new List<string> { "Mit freundlichen Grüßen", contact.Name!.Trim() + (string.IsNullOrWhiteSpace(contact.Role) ? "" : ", " + contact.Role.Trim()) };
        lines.Add("für das Team des Aufrufs für eine Integrationsoffensive");
        var reach = new[] { contact.Address, contact.Phone }.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (reach.Count > 0)
        {
            lines.Add(string.Join(" · ", reach));
        }

        return body.Lines(lines);
    }

    /// <summary>Where a question goes: the contact's address, if one is configured.</summary>
    public string? ContactAddress => string.IsNullOrWhiteSpace(email.Value.Contact.Address) ? null : email.Value.Contact.Address.Trim();
}
