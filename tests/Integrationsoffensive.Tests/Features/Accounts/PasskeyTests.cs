using System.Net;
using System.Text.Json;
using Integrationsoffensive.Features.Accounts;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Accounts;

/// <summary>
/// Passkeys with the framework's support, as far as they work without an authenticator: the forms
/// appear only with the script, the challenge is the site's own, and a forged answer signs nobody in.
/// The whole ceremony with a (virtual) authenticator runs in the browser tests.
/// </summary>
public sealed class PasskeyTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task LoginPage_OffersPasskeys_OnlyThroughItsOwnScript()
    {
        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/konto/anmelden");

        var form = page.QuerySelector("form[data-passkey=get]")!;
        Assert.True(form.HasAttribute("hidden")); // without JavaScript: password and app code, as before
        Assert.Equal("/konto/anmelden?handler=PasskeyOptions", form.GetAttribute("data-passkey-options"));
        var script = Assert.Single(page.QuerySelectorAll("script"));
        Assert.StartsWith("/js/passkeys", script.GetAttribute("src"));
        Assert.Equal("", script.TextContent);
    }

    [Fact]
    public async Task Options_AreAChallengeOfThisSite_WhoseStateStaysInAnHttpOnlyCookie()
    {
        var client = _site.CreatePlainClient();
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        var token = login.QuerySelector("form[data-passkey] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/konto/anmelden?handler=PasskeyOptions", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(options.RootElement.GetProperty("challenge").GetString()!.Length >= 16);
        Assert.Equal("required", options.RootElement.GetProperty("userVerification").GetString());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PasskeySignIn.CookieName + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/konto", cookie);
    }

    [Fact]
    public async Task AForgedPasskeyAnswer_SignsNobodyIn_AndIsAnsweredInGerman()
    {
        await _site.CreateModeratorAsync();
        var client = _site.CreatePlainClient();
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        var token = login.QuerySelector("form[data-passkey] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await client.PostAsync("/konto/anmelden?handler=PasskeyOptions", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        var forged = await client.PostAsync("/konto/anmelden?handler=Passkey", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("credential", """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{}}""")]));

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains(LoginModel.PasskeyFailedMessage, (await forged.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/moderation")).StatusCode); // to the login page
    }

    [Fact]
    public async Task PasskeyAsSecondFactor_IsOfferedOnlyAfterThePassword()
    {
        var moderator = await _site.CreateModeratorAsync();
        var stranger = _site.CreatePlainClient();
        var (_, login) = await stranger.GetPageAsync("/konto/anmelden");
        var token = login.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await stranger.PostAsync("/konto/anmelden/code?handler=PasskeyOptions", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var client = _site.CreatePlainClient();
        var (_, page) = await client.GetPageAsync("/konto/anmelden");
        var first = await client.SubmitAsync(page, "main form", new Dictionary<string, string?> { ["Input.Email"] = moderator.Email, ["Input.Password"] = moderator.Password });
        var (_, codePage) = await client.GetPageAsync(first.Headers.Location!.OriginalString);
        var codeToken = codePage.QuerySelector("form[data-passkey] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var offered = await client.PostAsync("/konto/anmelden/code?handler=PasskeyOptions", new FormUrlEncodedContent([new("__RequestVerificationToken", codeToken)]));

        Assert.Equal("application/json", offered.Content.Headers.ContentType!.MediaType);
        var (_, stillThere) = await client.GetPageAsync("/konto/anmelden/code"); // the password step is not lost
        var signedIn = await client.SubmitAsync(stillThere, "main form", new Dictionary<string, string?> { ["Input.Code"] = moderator.NextCode() });
        Assert.Equal("/moderation", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PasskeysPage_ListsTheModeratorsPasskeys_AndExplainsWhatAddingNeeds()
    {
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (response, page) = await client.GetPageAsync("/konto/passkeys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sie haben noch keinen Passkey.", page.QuerySelector("main > p:not(.lead)")!.TextContent);
        Assert.Contains("JavaScript", page.QuerySelector("[data-passkey-unsupported]")!.TextContent);
        Assert.True(page.QuerySelector("form[data-passkey=create]")!.HasAttribute("hidden"));
        Assert.Equal(HttpStatusCode.Redirect, (await _site.CreatePlainClient().GetAsync("/konto/passkeys")).StatusCode);
    }
}
