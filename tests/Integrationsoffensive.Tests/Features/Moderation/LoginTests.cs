using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Accounts;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Moderation;

public sealed class LoginTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email, string password)
    {
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        return await client.SubmitAsync(login, "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    [Fact]
    public async Task SignIn_WithPasswordAndAuthenticatorCode_OpensTheQueue_WithAHardenedCookie()
    {
        var moderator = await _site.CreateModeratorAsync();
        var client = _site.CreatePlainClient();
        var first = await PasswordStepAsync(client, moderator.Email, moderator.Password);
        var (_, codePage) = await client.GetPageAsync(first.Headers.Location!.OriginalString);

        var second = await client.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = moderator.NextCode() });

        Assert.Equal("/moderation", second.Headers.Location!.OriginalString);
        var cookie = second.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-moderation=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("secure", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/", cookie);
        Assert.DoesNotContain("domain=", cookie);
        var (queue, page) = await client.GetPageAsync("/moderation");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal("Moderation", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("no-store", queue.Headers.CacheControl!.ToString());
        Assert.Contains(await AuditAsync(), e => e.Action == AuditAction.LoginSucceeded && e.Actor == moderator.Email);
    }

    [Fact]
    public async Task AuthenticatorCode_IsAcceptedOnlyOnce()
    {
        var moderator = await _site.CreateModeratorAsync();
        var client = await _site.SignInAsync(moderator);
        var code = moderator.LastCode;
        await client.PostAsync("/konto/abmelden", new FormUrlEncodedContent([new("__RequestVerificationToken", await TokenAsync(client))]));

        var other = _site.CreatePlainClient();
        var first = await PasswordStepAsync(other, moderator.Email, moderator.Password);
        var (_, codePage) = await other.GetPageAsync(first.Headers.Location!.OriginalString);
        var reused = await other.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = code });

        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("schon verwendet", (await reused.ReadDocumentAsync()).GetElementById("Input_Code-fehler")!.TextContent);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccountFor15Minutes_WithTheSameMessageAsAnUnknownAccount()
    {
        var moderator = await _site.CreateModeratorAsync();
        var client = _site.CreatePlainClient();
        for (var i = 0; i < 5; i++)
        {
            await PasswordStepAsync(client, moderator.Email, "falsches Passwort " + i);
        }

        var locked = await PasswordStepAsync(client, moderator.Email, moderator.Password);
        var unknown = await PasswordStepAsync(client, "niemand@aufruf.example", "irgendein Passwort");

        var lockedText = (await locked.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent;
        var unknownText = (await unknown.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(unknownText, lockedText);
        Assert.Contains(LoginModel.FailedMessage, lockedText);
        var audit = await AuditAsync();
        Assert.Equal(4, audit.Count(e => e.Action == AuditAction.LoginFailed && e.Actor == moderator.Email));
        Assert.Equal(2, audit.Count(e => e.Action == AuditAction.LockedOut && e.Actor == moderator.Email));
        Assert.Contains(audit, e => e.Action == AuditAction.LoginFailed && e.Actor == AuditActors.UnknownAccount);
    }

    [Fact]
    public async Task Logout_IsAPost_AndEndsTheSession()
    {
        var moderator = await _site.CreateModeratorAsync();
        var client = await _site.SignInAsync(moderator);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.GetAsync("/konto/abmelden")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/moderation")).StatusCode);
        var logout = await client.PostAsync("/konto/abmelden", new FormUrlEncodedContent([new("__RequestVerificationToken", await TokenAsync(client))]));

        Assert.Equal("/", logout.Headers.Location!.OriginalString);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-moderation=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invitation_ExpiresAfter24Hours()
    {
        var link = await _site.InviteAsync("spaet@aufruf.example");

        _site.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var (response, page) = await _site.CreatePlainClient().GetPageAsync(link);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("Diese Einladung gilt nicht mehr", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task RecoveryCode_SignsIn_OnlyOnce()
    {
        var link = await _site.InviteAsync("ersatz@aufruf.example");
        var (moderator, done) = await _site.AcceptInvitationAsync(_site.CreatePlainClient(), link, "ersatz@aufruf.example");
        var recovery = done.QuerySelector("ul.recovery-codes code")!.TextContent;

        async Task<HttpResponseMessage> WithRecoveryAsync()
        {
            var c = _site.CreatePlainClient();
            var first = await PasswordStepAsync(c, moderator.Email, moderator.Password);
            var (_, codePage) = await c.GetPageAsync(first.Headers.Location!.OriginalString);
            return await c.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = recovery });
        }

        Assert.Equal("/moderation", (await WithRecoveryAsync()).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await WithRecoveryAsync()).StatusCode);
    }

    [Fact]
    public async Task Invitation_WorksOnlyOnce()
    {
        var link = await _site.InviteAsync("neu@aufruf.example");
        var client = _site.CreatePlainClient();
        await _site.AcceptInvitationAsync(client, link, "neu@aufruf.example");

        var (again, againPage) = await client.GetPageAsync(link);

        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("Diese Einladung gilt nicht mehr", againPage.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Invitation_WithShortPasswordOrWrongCode_ExplainsInGerman_AndDoesNotActivate()
    {
        var link = await _site.InviteAsync("neu@aufruf.example");
        var client = _site.CreatePlainClient();
        var (_, page) = await client.GetPageAsync(link);

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string?>
        {
            ["Input.Password"] = "zu kurz", ["Input.PasswordRepeat"] = "zu kurz", ["Input.Code"] = "000000",
        });
        var result = await response.ReadDocumentAsync();

        Assert.Contains("mindestens 12 Zeichen", result.GetElementById("Input_Password-fehler")!.TextContent);
        Assert.Equal("", result.GetElementById("Input_Password")!.GetAttribute("value"));
        Assert.False(await _site.WithDbAsync(db => db.Users.AnyAsync(u => u.TwoFactorEnabled)));
    }

    private Task<List<AuditEntry>> AuditAsync() => _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var (_, page) = await client.GetPageAsync("/moderation");
        return page.QuerySelector("form[action='/konto/abmelden'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
