using Integrationsoffensive.Content;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Hosting;

/// <summary>What a share invites people to: the appeal itself, or the news that an organization signed it.</summary>
public enum ShareSubject
{
    Appeal,
    CoSigned,
}

/// <summary>One way to share: a plain link with the text filled in, or (Signal) text to copy.</summary>
public sealed record ShareTarget(string Key, string Label, string Href, bool CopiesText = false);

/// <summary>Everything a page or a mail needs to offer sharing: the address, the text and every target.</summary>
public sealed record Share(ShareSubject Subject, string Title, string Text, string Url, IReadOnlyList<ShareTarget> Targets)
{
    /// <summary>The text with the address, as it is pasted into a messenger.</summary>
    public string TextWithUrl => Text + " " + Url;
}

/// <summary>
/// Share links as plain absolute URLs with prefilled text: no script and no request to the networks
/// until a reader clicks. Built from page names and the configured public base URL, never from a
/// request, so pages, mails and commands all use it (no HttpContext needed). Mastodon has no one
/// address, so its link goes to a small page of ours that asks for the reader's instance.
/// </summary>
public sealed class ShareLinks(SiteLinks links, ContentStore content, IOptions<SiteOptions> site)
{
    public const string MastodonPage = "/Appeal/Mastodon";

    public Share For(ShareSubject subject)
    {
        var url = links.Page("/Appeal/Index");
        var title = AppealContent.Load(content)?.Title ?? site.Value.Name;
        var text = TextFor(subject, title);
        var both = Uri.EscapeDataString(text + " " + url);
        var (u, t) = (Uri.EscapeDataString(url), Uri.EscapeDataString(text));
        ShareTarget[] targets =
        [
            new("email", "E-Mail", $"mailto:?subject={Uri.EscapeDataString(title)}&body={both}"),
            new("whatsapp", "WhatsApp", $"https://wa.me/?text={both}"),
            new("signal", "Signal", "#teilen-text", CopiesText: true),
            new("telegram", "Telegram", $"https://t.me/share/url?url={u}&text={t}"),
            new("bluesky", "Bluesky", $"https://bsky.app/intent/compose?text={both}"),
            new("mastodon", "Mastodon", links.Page(MastodonPage, new { inhalt = Key(subject) })),
            new("threads", "Threads", $"https://www.threads.net/intent/post?text={both}"),
            new("x", "X", $"https://x.com/intent/post?text={t}&url={u}"),
            new("facebook", "Facebook", $"https://www.facebook.com/sharer/sharer.php?u={u}"),
            new("linkedin", "LinkedIn", $"https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        ];
        return new Share(subject, title, text, url, targets);
    }

    /// <summary>The address an instance's share form opens with the text filled in, e.g. https://mastodon.social/share?text=….</summary>
    public static string MastodonShare(string instanceHost, Share share) =>
        $"https://{instanceHost}/share?text={Uri.EscapeDataString(share.TextWithUrl)}";

    /// <summary>The stable key of a subject in a URL („aufruf“, „mitgezeichnet“).</summary>
    public static string Key(ShareSubject subject) => subject == ShareSubject.CoSigned ? "mitgezeichnet" : "aufruf";

    public static ShareSubject? FromKey(string? key) => key switch
    {
        "aufruf" or null or "" => ShareSubject.Appeal,
        "mitgezeichnet" => ShareSubject.CoSigned,
        _ => null,
    };

    private static string TextFor(ShareSubject subject, string title) => subject switch
    {
        ShareSubject.CoSigned => $"Wir haben den „{title}“ mitgezeichnet. Zeichnen Sie auch mit:",
        _ => $"„{title}“: Hessische Verbände, Gewerkschaften und Initiativen fordern von der Landesregierung eine Integrationsoffensive. Jetzt mitzeichnen:",
    };
}
