using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// Every cookie the site sets is Secure whenever the request came over HTTPS, also when a trusted
/// proxy terminated TLS and said so; browsers are told to stay on HTTPS for a year.
/// </summary>
public sealed class TransportSecurityTests : IDisposable
{
    private readonly SiteFactory _site = new SiteFactory().ArrivingFrom("127.0.0.1");

    public void Dispose() => _site.Dispose();

    private static string CookieNamed(HttpResponseMessage response, string prefix) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToLowerInvariant();

    [Fact]
    public async Task AntiforgeryCookie_OverHttps_IsSecure()
    {
        var response = await _site.CreatePlainClient().GetAsync("/mitzeichnen");

        Assert.Contains("; secure", CookieNamed(response, ".AspNetCore.Antiforgery"));
    }

    [Fact]
    public async Task AntiforgeryCookie_BehindATrustedProxyThatTerminatedTls_IsSecure()
    {
        var client = _site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/mitzeichnen");

        Assert.Contains("; secure", CookieNamed(response, ".AspNetCore.Antiforgery"));
    }

    [Fact]
    public async Task TwoFactorCookie_OverHttps_IsSecure()
    {
        var moderator = await _site.CreateModeratorAsync();
        var client = _site.CreatePlainClient();
        var (_, login) = await client.GetPageAsync("/konto/anmelden");

        var response = await client.SubmitAsync(login, "main form", new Dictionary<string, string?> { ["Input.Email"] = moderator.Email, ["Input.Password"] = moderator.Password });

        Assert.Contains("; secure", CookieNamed(response, "Identity.TwoFactorUserId"));
    }

    [Fact]
    public async Task Https_AnswersWithHstsForOneYear()
    {
        var client = _site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://aufruf.example") });

        var response = await client.GetAsync("/");

        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }
}
