using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Accounts;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Features.Accounts;

/// <summary>
/// A session ends for real: after logout, disabling or a password change, a copy of the session
/// cookie (stolen, or left in another browser) opens nothing, at once.
/// </summary>
public sealed class SessionEndTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>Signs in and returns the client and a copy of its session cookie.</summary>
    private async Task<(HttpClient Client, string Cookie, TestModerator Moderator)> SignInAsync()
    {
        var moderator = await _site.CreateModeratorAsync();
        var client = _site.CreatePlainClient();
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        var first = await client.SubmitAsync(login, "main form", new Dictionary<string, string?> { ["Input.Email"] = moderator.Email, ["Input.Password"] = moderator.Password });
        var (_, codePage) = await client.GetPageAsync(first.Headers.Location!.OriginalString);
        var second = await client.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = moderator.NextCode() });
        var cookie = second.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-moderation=", StringComparison.Ordinal)).Split(';')[0];
        return (client, cookie, moderator);
    }

    private async Task<HttpStatusCode> WithCopiedCookieAsync(string cookie)
    {
        var stranger = _site.CreateClientWithoutCookies();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/moderation");
        request.Headers.Add("Cookie", cookie);
        return (await stranger.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Logout_EndsEveryCopyOfTheSession_AtOnce()
    {
        var (client, cookie, _) = await SignInAsync();
        Assert.Equal(HttpStatusCode.OK, await WithCopiedCookieAsync(cookie));
        var (_, queue) = await client.GetPageAsync("/moderation");
        var token = queue.QuerySelector("form[action='/konto/abmelden'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await client.PostAsync("/konto/abmelden", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(cookie)); // to the login page
    }

    [Fact]
    public async Task Disabling_EndsTheSession_AtOnce()
    {
        var (_, cookie, moderator) = await SignInAsync();

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ModeratorAccounts>().DisableAsync(moderator.Email, "Test");
        }

        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(cookie));
    }
}
