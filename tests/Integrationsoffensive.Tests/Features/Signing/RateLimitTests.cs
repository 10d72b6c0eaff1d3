using System.Net;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Features.Signing;

public sealed class RateLimitTests : IDisposable
{
    private readonly SiteFactory _site = new SiteFactory()
        .WithSetting("RateLimiting:Enabled", "true")
        .WithSetting("RateLimiting:PermitLimit", "2")
        .WithSetting("RateLimiting:WindowSeconds", "600");

    public void Dispose() => _site.Dispose();

    private async Task<HttpResponseMessage> RequestLinkAsync(HttpClient client)
    {
        var (_, form) = await client.GetPageAsync("/mitzeichnen/neuer-link");
        return await client.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = "a@beispiel.de" });
    }

    [Fact]
    public async Task FormPosts_OverTheLimit_Answer429WithRetryAfterAndAGermanPage()
    {
        var client = _site.CreatePlainClient();
        Assert.Equal(HttpStatusCode.Redirect, (await RequestLinkAsync(client)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestLinkAsync(client)).StatusCode);

        var limited = await RequestLinkAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Zu viele Anfragen", (await limited.ReadDocumentAsync()).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task ApplyPosts_CountAgainstTheSameLimit_ButReadingPagesDoesNot()
    {
        var client = _site.CreatePlainClient();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/mitzeichnen")).StatusCode);
        }

        await _site.ApplyAsync(client, Applications.FormValues());
        await _site.ApplyAsync(client, Applications.FormValues(name: "Zweiter Verein"));
        var third = await _site.ApplyAsync(client, Applications.FormValues(name: "Dritter Verein"));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }
}

public sealed class RateLimitSwitchTests : IDisposable
{
    private readonly SiteFactory _site = new SiteFactory()
        .WithSetting("RateLimiting:Enabled", "false")
        .WithSetting("RateLimiting:PermitLimit", "1");

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Disabled_LetsEveryPostThrough()
    {
        var client = _site.CreatePlainClient();
        for (var i = 0; i < 3; i++)
        {
            var response = await _site.ApplyAsync(client, Applications.FormValues(name: $"Verein {i}"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }
}

/// <summary>Behind a configured proxy every visitor has a limit of their own, taken from X-Forwarded-For.</summary>
public sealed class RateLimitBehindProxyTests : IDisposable
{
    // Every request arrives from the proxy's address, as it would behind a load balancer.
    private readonly SiteFactory _site = new SiteFactory()
        .WithSetting("RateLimiting:Enabled", "true")
        .WithSetting("RateLimiting:PermitLimit", "1")
        .WithSetting("ReverseProxy:KnownProxies:0", "10.0.0.1")
        .ArrivingFrom("10.0.0.1");

    public void Dispose() => _site.Dispose();

    private async Task<HttpStatusCode> RequestLinkAsync(string clientAddress)
    {
        var client = _site.CreatePlainClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        var (_, form) = await client.GetPageAsync("/mitzeichnen/neuer-link");
        return (await client.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = "a@beispiel.de" })).StatusCode;
    }

    [Fact]
    public async Task EachForwardedClient_HasItsOwnLimit()
    {
        Assert.Equal(HttpStatusCode.Redirect, await RequestLinkAsync("203.0.113.5"));
        Assert.Equal(HttpStatusCode.Redirect, await RequestLinkAsync("198.51.100.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RequestLinkAsync("203.0.113.5"));
    }
}

/// <summary>
/// A proxy that is not on loopback (a container network, a load balancer) must be named, by address
/// or network; then each visitor has a limit of their own, per IPv4 address or per IPv6 /64 (one
/// household or server gets a whole /64, so single IPv6 addresses would be a limit of nothing).
/// </summary>
public sealed class RateLimitBehindContainerNetworkTests : IDisposable
{
    private readonly SiteFactory _trusted = new SiteFactory()
        .WithSetting("RateLimiting:Enabled", "true")
        .WithSetting("RateLimiting:PermitLimit", "1")
        .WithSetting("ReverseProxy:KnownNetworks:0", "172.16.0.0/12")
        .ArrivingFrom("172.18.0.5");

    private readonly SiteFactory _untrusted = new SiteFactory()
        .WithSetting("RateLimiting:Enabled", "true")
        .WithSetting("RateLimiting:PermitLimit", "1")
        .ArrivingFrom("172.18.0.5");

    public void Dispose()
    {
        _trusted.Dispose();
        _untrusted.Dispose();
    }

    private static async Task<HttpStatusCode> RequestLinkAsync(SiteFactory site, string clientAddress)
    {
        var client = site.CreatePlainClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        var (_, form) = await client.GetPageAsync("/mitzeichnen/neuer-link");
        return (await client.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = "a@beispiel.de" })).StatusCode;
    }

    [Fact]
    public async Task ProxyInAKnownNetwork_GivesEachVisitorTheirOwnLimit()
    {
        Assert.Equal(HttpStatusCode.Redirect, await RequestLinkAsync(_trusted, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.Redirect, await RequestLinkAsync(_trusted, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RequestLinkAsync(_trusted, "203.0.113.5"));
    }

    [Fact]
    public async Task ProxyNotConfigured_ItsForwardedAddressesAreNotBelieved()
    {
        Assert.Equal(HttpStatusCode.Redirect, await RequestLinkAsync(_untrusted, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RequestLinkAsync(_untrusted, "198.51.100.7"));
    }

    [Fact]
    public async Task IPv6Visitors_ShareALimitPerSlash64()
    {
        Assert.Equal(HttpStatusCode.Redirect, await RequestLinkAsync(_trusted, "2001:db8:1:2::1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RequestLinkAsync(_trusted, "2001:db8:1:2:ffff:ffff:ffff:fffe"));
        Assert.Equal(HttpStatusCode.Redirect, await RequestLinkAsync(_trusted, "2001:db8:1:3::1"));
    }
}
