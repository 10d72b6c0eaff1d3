using System.Net;
using System.Text;

namespace Integrationsoffensive.Email;

/// <summary>A mail's body as plain text and as HTML, written once from the same paragraphs.</summary>
public sealed record MailBody(string Text, string Html)
{
    public static MailBodyBuilder Create() => new();
}

public sealed class MailBodyBuilder
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public MailBodyBuilder Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(WebUtility.HtmlEncode(text).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        return this;
    }

    public MailBodyBuilder Link(string label, string url)
    {
        _text.Append(label).Append(":\n").Append(url).Append("\n\n");
        _html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">")
            .Append(WebUtility.HtmlEncode(label)).Append("</a></p>\n");
        return this;
    }

    public MailBody Build() => new(
        _text.ToString().TrimEnd() + "\n",
        "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"></head><body>\n" + _html + "</body></html>\n");
}
