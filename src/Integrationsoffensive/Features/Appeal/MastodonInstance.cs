namespace Integrationsoffensive.Features.Appeal;

/// <summary>What a reader types as their Mastodon instance, reduced to a plain host name.</summary>
public static class MastodonInstance
{
    /// <summary>
    /// "mastodon.social", "https://mastodon.social/@name" and "@name@mastodon.social" all give
    /// "mastodon.social"; anything that is not a public-looking DNS name (no dot, an IP address,
    /// a port, user info) gives null.
    /// </summary>
    public static string? HostOf(string? input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length is 0 or > 300)
        {
            return null;
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            var at = text.LastIndexOf('@');
            text = "https://" + (at >= 0 ? text[(at + 1)..] : text);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || uri.HostNameType != UriHostNameType.Dns || !uri.IsDefaultPort || uri.UserInfo.Length > 0)
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        return host.Contains('.', StringComparison.Ordinal) && !host.EndsWith('.') ? host : null;
    }
}
