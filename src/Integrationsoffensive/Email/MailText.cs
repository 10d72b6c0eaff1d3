using System.Text;
using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Email;

/// <summary>Text chosen by strangers, made safe to put into a mail.</summary>
public static class MailText
{
    /// <summary>
    /// A name as it reads, but never as an address a mail program turns into a link: after each
    /// dot, colon, slash and @ stands a zero-width space, so "www.falle.example" or "https://…"
    /// in an organization's name stays plain text in a mail to an address nobody has confirmed.
    /// </summary>
    public static string Unlinked(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c);
            if (c is '.' or ':' or '/' or '@')
            {
                builder.Append('\u200B');
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The public fields as they will be published, one per line; typed by whoever filled in the form,
    /// so nothing of it becomes a link.
    /// </summary>
    public static IEnumerable<string> PublicFields(Application application)
    {
        yield return "Name: " + Unlinked(application.OrganizationName);
        yield return "Art: " + OrganizationTypes.LabelOf(application.OrganizationType);
        yield return "Ort: " + Unlinked(application.Place);
        yield return "Region: " + Regions.LabelOf(application.Region);
        yield return "Website: " + (application.Website is { } website ? Unlinked(website) : "–");
        yield return "Kurzbegründung: " + (application.Statement is { } statement ? Unlinked(statement) : "–");
    }
}
