using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>The host of a website, as the duplicate check compares it.</summary>
public sealed class WebsitesTests
{
    [Theory]
    [InlineData("https://verein.example", "verein.example")]
    [InlineData("http://verein.example/ueber-uns?x=1", "verein.example")]
    [InlineData("https://www.verein.example/", "verein.example")]
    [InlineData("HTTPS://WWW.Verein.Example", "verein.example")]
    [InlineData("https://wwwverein.example", "wwwverein.example")]
    [InlineData("https://sub.www.verein.example", "sub.www.verein.example")]
    [InlineData("https://www.bürger-verein.example", "xn--brger-verein-dlb.example")]
    public void HostOf_AnHttpAddress_IsItsLowerCaseHostWithoutWww(string url, string host) =>
        Assert.Equal(host, Websites.HostOf(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("verein.example")]
    [InlineData("www.verein.example")]
    [InlineData("ftp://verein.example")]
    [InlineData("mailto:kontakt@verein.example")]
    [InlineData("file:///home/verein")]
    public void HostOf_AnythingButAnAbsoluteHttpAddress_IsNull(string? url) =>
        Assert.Null(Websites.HostOf(url));
}
