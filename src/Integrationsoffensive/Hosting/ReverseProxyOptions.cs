using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// Which proxies may tell the site the visitor's address (X-Forwarded-For) and scheme
/// (X-Forwarded-Proto). Loopback is always trusted, for nginx on the same machine; a proxy in a
/// container network or a load balancer must be named, by address or network.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Single addresses, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR notation, e.g. "172.16.0.0/12".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    internal bool IsValid() =>
        KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));

    internal void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
