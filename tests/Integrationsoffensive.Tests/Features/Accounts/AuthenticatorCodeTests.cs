using System.Net;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Accounts;

/// <summary>An authenticator code works once: every code used while it could still be valid is remembered.</summary>
public sealed class AuthenticatorCodeTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<HttpResponseMessage> SignInWithCodeAsync(TestModerator moderator, string code)
    {
        var client = _site.CreatePlainClient();
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        var first = await client.SubmitAsync(login, "main form", new Dictionary<string, string?> { ["Input.Email"] = moderator.Email, ["Input.Password"] = moderator.Password });
        var (_, codePage) = await client.GetPageAsync(first.Headers.Location!.OriginalString);
        return await client.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = code });
    }

    [Fact]
    public async Task AnOlderCode_IsRefused_AfterANewerOneWasUsed()
    {
        var moderator = await _site.CreateModeratorAsync();
        var older = moderator.CodeAt(-45);
        var newer = moderator.CodeAt(45);

        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCodeAsync(moderator, older)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCodeAsync(moderator, newer)).StatusCode);
        var replay = await SignInWithCodeAsync(moderator, older);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("schon verwendet", (await replay.ReadDocumentAsync()).GetElementById("Input_Code-fehler")!.TextContent);
    }

    [Fact]
    public async Task TheSameCode_SentTwiceAtOnce_SignsInOnlyOnce()
    {
        var moderator = await _site.CreateModeratorAsync();
        var code = moderator.CodeAt(-45);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SignInWithCodeAsync(moderator, code)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"answered {(int)a.StatusCode}"));
    }
}
