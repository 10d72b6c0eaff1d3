namespace Integrationsoffensive.Hosting;

/// <summary>Settings that describe the public site, bound from the "Site" section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The address the public reaches the site under; used for canonical links, feeds and e-mails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public string Name { get; set; } = "Aufruf für eine Integrationsoffensive";

    public Uri BaseUri => new(PublicBaseUrl.TrimEnd('/') + "/");

    /// <summary>The absolute public URL of a site-relative path such as "/impressum".</summary>
    public string AbsoluteUrl(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();

    internal bool HasValidBaseUrl() =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
