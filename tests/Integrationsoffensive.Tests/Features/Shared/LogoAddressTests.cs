using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Shared;

/// <summary>/logos/{id}-{hash}-{size}.png: cached for good, and only while the application is published.</summary>
public sealed class LogoAddressTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private static string Address(Application application, int size = ApplicationLogo.SmallSize, string? hash = null) =>
        $"/logos/{application.Id}-{hash ?? application.Logo!.Hash}-{size}.png";

    [Fact]
    public async Task PublishedLogo_IsServedAsPng_ImmutableAndNotSniffed_InBothSizes()
    {
        var logo = Applications.Logo();
        var application = await _site.SeedAsync(ApplicationStatus.Published, logo: logo);
        var client = _site.CreateClientWithoutCookies();

        var small = await client.GetAsync(Address(application));
        var large = await client.GetAsync(Address(application, ApplicationLogo.LargeSize));

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("image/png", small.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", small.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("immutable", small.Headers.CacheControl!.ToString());
        Assert.True(small.Headers.CacheControl.Public);
        Assert.Equal(logo.Small, await small.Content.ReadAsByteArrayAsync());
        Assert.Equal(logo.Large, await large.Content.ReadAsByteArrayAsync());
        Assert.False(small.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Head_OnAPublishedLogo_AnswersAsGetDoes()
    {
        var application = await _site.SeedAsync(ApplicationStatus.Published, logo: Applications.Logo());

        var head = await _site.CreateClientWithoutCookies().SendAsync(new HttpRequestMessage(HttpMethod.Head, Address(application)));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/png", head.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Confirmed)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Unpublished)]
    public async Task LogoOfAnUnpublishedApplication_IsNotFound(ApplicationStatus status)
    {
        var application = await _site.SeedAsync(status, logo: Applications.Logo());

        var response = await _site.CreateClientWithoutCookies().GetAsync(Address(application));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WrongHashOrSize_IsNotFound()
    {
        var application = await _site.SeedAsync(ApplicationStatus.Published, logo: Applications.Logo());
        var client = _site.CreateClientWithoutCookies();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Address(application, hash: "0123456789abcdef"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Address(application, size: 100))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/logos/{application.Id}-{application.Logo!.Hash}.png")).StatusCode);
    }
}
