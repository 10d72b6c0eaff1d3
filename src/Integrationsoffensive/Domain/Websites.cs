namespace Integrationsoffensive.Domain;

public static class Websites
{
    /// <summary>
    /// An absolute http(s) address as the browser would send it: host in lower case, quotes, angle
    /// brackets, spaces and umlauts percent-encoded. Anything else is returned as it is, for the
    /// validation to refuse.
    /// </summary>
    public static string? Normalize(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : url;

    /// <summary>The host of an absolute http(s) address, lower case and without "www."; null for anything else.</summary>
    public static string? HostOf(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
