using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// Absolute public addresses of pages and named endpoints, for mails, feeds and snippets that leave
/// the site. Paths come from the framework's link generator (page names and route names, never
/// written paths), the scheme and host from the configured public base URL, never from a request.
/// </summary>
public sealed class SiteLinks(LinkGenerator links, IOptions<SiteOptions> site)
{
    public string Page(string page, object? values = null, string? fragment = null) =>
        Absolute(links.GetPathByPage(page, handler: null, values), page, fragment);

    public string Route(string routeName, object? values = null) =>
        Absolute(links.GetPathByName(routeName, values), routeName, fragment: null);

    private string Absolute(string? path, string target, string? fragment) =>
        site.Value.AbsoluteUrl(path ?? throw new InvalidOperationException($"No address for {target}."))
        + (fragment is null ? "" : "#" + fragment);
}
