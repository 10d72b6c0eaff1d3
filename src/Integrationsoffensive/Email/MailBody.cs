using System.Net;
using System.Text;

namespace Integrationsoffensive.Email;

/// <summary>
/// A mail's body as plain text and as HTML, written once from the same paragraphs. The text part is
/// the one every mail program can show, so it is complete on its own: every link stands on a line of
/// its own. The HTML part adds a proper button for the one thing the mail asks for.
/// </summary>
public sealed record MailBody(string Text, string Html)
{
    public static MailBodyBuilder Create() => new();
}

public sealed class MailBodyBuilder
{
    // Mail programs ignore style sheets and strip scripts; inline styles are what they read.
    private const string ButtonCell = "border-radius:4px;background:#8a1538;";
    private const string ButtonLink = "display:inline-block;padding:12px 24px;border-radius:4px;color:#ffffff;font-weight:bold;text-decoration:none;";

    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public MailBodyBuilder Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Lines such as „Name: …“, each on its own line in both parts.</summary>
    public MailBodyBuilder Lines(IEnumerable<string> lines) => Paragraph(string.Join('\n', lines));

    public MailBodyBuilder Link(string label, string url)
    {
        _text.Append(label).Append(":\n").Append(url).Append("\n\n");
        _html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">")
            .Append(WebUtility.HtmlEncode(label)).Append("</a></p>\n");
        return this;
    }

    /// <summary>The main action of the mail: a button in HTML, the label and address in the text.</summary>
    public MailBodyBuilder Button(string label, string url)
    {
        _text.Append(label).Append(":\n").Append(url).Append("\n\n");
        _html.Append("<table role=\"presentation\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\"><tr><td style=\"").Append(ButtonCell).Append("\">")
            .Append("<a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\" style=\"").Append(ButtonLink).Append("\">")
            .Append(WebUtility.HtmlEncode(label)).Append("</a></td></tr></table>\n");
        return this;
    }

    public MailBody Build() => new(
        _text.ToString().TrimEnd() + "\n",
        "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>\n"
        + "<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1f;\">\n"
        + "<div style=\"max-width:600px;\">\n" + _html + "</div>\n</body></html>\n");

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>\n", StringComparison.Ordinal);
}
