using System.Net;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>One browser's cookies across several sites: whichever instance answers, or a site and its restart.</summary>
public sealed class SharedCookies(CookieContainer jar) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = jar.GetCookieHeader(request.RequestUri!);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            jar.SetCookies(request.RequestUri!, cookie);
        }

        return response;
    }
}
