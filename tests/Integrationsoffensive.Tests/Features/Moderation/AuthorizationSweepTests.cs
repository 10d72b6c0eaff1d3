using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Features.Moderation;

/// <summary>
/// Every endpoint under /moderation, read from the endpoint data source so that a new page cannot
/// slip through: anonymous → login, signed in without the role → 403, moderator → 200.
/// </summary>
public sealed class AuthorizationSweepTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>Every GET path under /moderation, and whether its endpoint demands an admin.</summary>
    private async Task<IReadOnlyList<(string Path, bool AdminOnly)>> ModerationPathsAsync()
    {
        var application = await _site.ConfirmedAsync();
        var endpoints = _site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var paths = endpoints
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("moderation", StringComparison.Ordinal))
            .Select(e => (
                Path: "/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{id:int}", application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
                AdminOnly: e.Metadata.OfType<AuthorizeAttribute>().Any(a => a.Policy == Policies.Admin)))
            .Distinct()
            .ToList();
        Assert.All(paths, p => Assert.DoesNotContain("{", p.Path));
        Assert.Contains(("/moderation", false), paths);
        Assert.Contains(("/moderation/protokoll", false), paths);
        Assert.Contains(("/moderation/admin/moderatoren", true), paths);
        return paths;
    }

    [Fact]
    public async Task Anonymous_IsSentToTheLogin_FromEveryModerationPage()
    {
        var client = _site.CreatePlainClient();
        foreach (var (path, _) in await ModerationPathsAsync())
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode}");
            Assert.StartsWith("https://localhost/konto/anmelden?ReturnUrl=", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task SignedInWithoutModeratorRole_Gets403_OnEveryModerationPage()
    {
        var paths = await ModerationPathsAsync();
        var client = await _site.SignInWithoutRoleAsync();
        foreach (var (path, _) in paths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Moderator_Gets200_OnEveryModerationPage_ButAdminPages403_NeverCachedNorIndexed()
    {
        var paths = await ModerationPathsAsync();
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        foreach (var (path, adminOnly) in paths)
        {
            var response = await client.GetAsync(path);
            var expected = adminOnly ? HttpStatusCode.Forbidden : HttpStatusCode.OK;
            Assert.True(response.StatusCode == expected, $"{path} answered {(int)response.StatusCode}");
            if (adminOnly)
            {
                continue;
            }

            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
            Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        }
    }

    [Fact]
    public async Task Admin_Gets200_OnEveryModerationPage()
    {
        var paths = await ModerationPathsAsync();
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync("admin@aufruf.example", admin: true));
        foreach (var (path, _) in paths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
    }
}
