using System.Net.Http.Headers;

namespace Integrationsoffensive.Bench;

/// <summary>
/// Keeps cookies by name and always sends them back, also the Secure ones over plain http on
/// loopback (the site runs in Production, where the moderation cookie is always Secure).
/// </summary>
public sealed class ManualCookies() : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_cookies)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (_cookies)
            {
                foreach (var pair in setCookies.Select(c => c.Split(';')[0].Split('=', 2)))
                {
                    _cookies[pair[0]] = pair[1];
                }
            }
        }

        return response;
    }

    public static HttpClient Client(string baseUrl) => new(new ManualCookies()) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
}
