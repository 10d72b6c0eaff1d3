using System.Net;
using Integrationsoffensive.Features.Accounts;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Features.Moderation;

/// <summary>How long a moderator's session lives, and what ends it early.</summary>
public sealed class SessionTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private static async Task<bool> InAsync(HttpClient client) =>
        (await client.GetAsync("/moderation")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task DisablingAModerator_EndsTheirOpenSession()
    {
        var moderator = await _site.CreateModeratorAsync();
        var client = await _site.SignInAsync(moderator);

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ModeratorAccounts>().DisableAsync(moderator.Email, "Test");
        }

        _site.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.False(await InAsync(client));
    }

    [Fact]
    public async Task ChangingThePassword_EndsOtherSessions_ButKeepsThisOne()
    {
        var moderator = await _site.CreateModeratorAsync();
        var here = await _site.SignInAsync(moderator);
        var elsewhere = await _site.SignInAsync(moderator);
        var (_, form) = await here.GetPageAsync("/konto/passwort");

        var response = await here.SubmitAsync(form, "form.form", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = moderator.Password,
            ["Input.NewPassword"] = "ein anderes langes Passwort",
            ["Input.NewPasswordRepeat"] = "ein anderes langes Passwort",
        });

        Assert.Contains("Ihr Passwort ist geändert", (await here.FollowAsync(response)).QuerySelector("[role=status]")!.TextContent);
        _site.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await InAsync(here));
        Assert.False(await InAsync(elsewhere));
    }

    [Fact]
    public async Task Session_SlidesWithActivity_ButEndsAfterTwelveHoursWhateverHappens()
    {
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        for (var hour = 1; hour <= 11; hour++)
        {
            _site.Clock.Advance(TimeSpan.FromHours(1));
            Assert.True(await InAsync(client), $"still signed in after {hour} h of activity");
        }

        _site.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.False(await InAsync(client));
    }

    [Fact]
    public async Task Session_EndsAfterEightIdleHours()
    {
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        _site.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        Assert.False(await InAsync(client));
    }
}
