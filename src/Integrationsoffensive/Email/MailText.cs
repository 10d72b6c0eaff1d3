using System.Text;

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
}
