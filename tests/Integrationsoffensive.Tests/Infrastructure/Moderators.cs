using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>A moderator as the tests know them: address, password and the authenticator key they enrolled.</summary>
/// <remarks>Codes follow the site's clock, as an app on a phone follows the real one.</remarks>
public sealed class TestModerator(string email, string password, string key, Func<DateTime> now)
{
    private static readonly int[] Offsets = [0, -30, 30, -60, 60];
    private readonly HashSet<string> _issued = [];

    public string Email { get; } = email;
    public string Password { get; } = password;
    public string Key { get; } = key;

    /// <summary>The last code handed out, to try it a second time.</summary>
    public string? LastCode { get; private set; }

    /// <summary>
    /// A code an authenticator app shows now or within the minute either side that Identity
    /// accepts, never one handed out before: a code that was accepted once is refused again.
    /// </summary>
    public string NextCode()
    {
        LastCode = Offsets.Select(CodeAt).First(_issued.Add);
        return LastCode;
    }

    /// <summary>The code the app shows <paramref name="offsetSeconds"/> from now.</summary>
    public string CodeAt(int offsetSeconds) => new Totp(Base32Encoding.ToBytes(Key)).ComputeTotp(now().AddSeconds(offsetSeconds));
}

public static class Moderators
{
    public const string Password = "ein langes Passwort für die Moderation";

    /// <summary>Invites through the same service the command line uses, then accepts the invitation through its page.</summary>
    public static async Task<TestModerator> CreateModeratorAsync(this SiteFactory site, string email = "moderation@aufruf.example", bool admin = false)
    {
        var (moderator, done) = await site.AcceptInvitationAsync(site.CreatePlainClient(), await site.InviteAsync(email, admin), email);
        Assert.True(done.QuerySelectorAll("ul.recovery-codes li").Length == 10, "invitation failed: " + done.QuerySelector("main")?.TextContent);
        return moderator;
    }

    /// <summary>Opens the invitation, reads the key as a person would type it into an app, and completes it.</summary>
    public static async Task<(TestModerator Moderator, AngleSharp.Html.Dom.IHtmlDocument Done)> AcceptInvitationAsync(this SiteFactory site, HttpClient client, string link, string email)
    {
        var (_, page) = await client.GetPageAsync(link);
        var key = page.QuerySelector("code.shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var moderator = new TestModerator(email, Password, key, () => site.Clock.GetUtcNow().UtcDateTime);
        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string?>
        {
            ["Input.Password"] = Password,
            ["Input.PasswordRepeat"] = Password,
            ["Input.Code"] = moderator.NextCode(),
        });
        return (moderator, await response.ReadDocumentAsync());
    }

    public static async Task<string> InviteAsync(this SiteFactory site, string email, bool admin = false)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ModeratorAccounts>().InviteAsync(email, admin, "Test");
        Assert.Null(result.Error);
        return result.Link![SiteFactory.PublicBaseUrl.Length..];
    }

    /// <summary>Signs in through the real forms: password, then the authenticator code (with a client of the test's own if given).</summary>
    public static async Task<HttpClient> SignInAsync(this SiteFactory site, TestModerator moderator, HttpClient? client = null)
    {
        client ??= site.CreatePlainClient();
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        var first = await client.SubmitAsync(login, "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = moderator.Email,
            ["Input.Password"] = moderator.Password,
        });
        Assert.Equal("/konto/anmelden/code", first.Headers.Location!.OriginalString.Split('?')[0]);
        var (_, codePage) = await client.GetPageAsync(first.Headers.Location.OriginalString);
        var second = await client.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = moderator.NextCode() });
        Assert.True(second.Headers.Location?.OriginalString == "/moderation",
            "code step failed: " + (int)second.StatusCode + "\n" + string.Join("\n", site.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Information && !e.Message.StartsWith("HTTP", StringComparison.Ordinal)).Select(e => e.Category + ": " + e.FullText)));
        return client;
    }

    /// <summary>An account without the moderator role: signed in, but not allowed into /moderation.</summary>
    public static async Task<HttpClient> SignInWithoutRoleAsync(this SiteFactory site)
    {
        var moderator = await site.CreateModeratorAsync("ohne-rolle@aufruf.example");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Moderator>>();
            var user = (await users.FindByEmailAsync(moderator.Email))!;
            await users.RemoveFromRoleAsync(user, Roles.Moderator);
        }

        var client = site.CreatePlainClient();
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        var first = await client.SubmitAsync(login, "main form", new Dictionary<string, string?> { ["Input.Email"] = moderator.Email, ["Input.Password"] = moderator.Password });
        var (_, codePage) = await client.GetPageAsync(first.Headers.Location!.OriginalString);
        await client.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = moderator.NextCode() });
        return client;
    }
}
