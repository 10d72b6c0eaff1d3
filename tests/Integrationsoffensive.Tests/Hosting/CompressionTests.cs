using System.Net.Http.Headers;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>Public answers go out compressed; over HTTPS, pages with forms never do (BREACH).</summary>
public sealed class CompressionTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        return await site.CreatePlainClient().SendAsync(request);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/unterzeichnende")]
    [InlineData("/unterzeichnende.json")]
    [InlineData("/zaehler.svg")]
    public async Task PublicAnswers_AreSentWithBrotli_FromTheCacheToo(string path)
    {
        var first = await GetAsync(path);
        var second = await GetAsync(path);

        Assert.Equal("br", Assert.Single(first.Content.Headers.ContentEncoding));
        Assert.Equal("br", Assert.Single(second.Content.Headers.ContentEncoding));
        Assert.NotNull(second.Headers.Age);
    }

    [Theory]
    [InlineData("/mitzeichnen")]
    [InlineData("/konto/anmelden")]
    public async Task PagesWithAToken_AreNotCompressed_OverHttps(string path)
    {
        var response = await GetAsync(path);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }
}
