using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Features.Accounts;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Accounts;

/// <summary>A forgotten password: a link by mail, the same answer for every address, once and for an hour.</summary>
public sealed class PasswordResetTests : IDisposable
{
    private const string NewPassword = "ein ganz neues Passwort für mich";
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<string> RequestAsync(string email)
    {
        var client = _site.CreatePlainClient();
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        var (_, form) = await client.GetPageAsync(login.QuerySelector("a[href='/konto/passwort-vergessen']")!.GetAttribute("href")!);
        var answer = await client.FollowAsync(await client.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = email }));
        return answer.QuerySelector(".lead")!.Text();
    }

    private Task<int> ResetMailsAsync() =>
        _site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == MailKinds.PasswordReset));

    private async Task<HttpResponseMessage> ChooseAsync(string link, string password)
    {
        var client = _site.CreatePlainClient();
        var (_, page) = await client.GetPageAsync(link);
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string?> { ["Input.Password"] = password, ["Input.PasswordRepeat"] = password });
    }

    [Fact]
    public async Task TheAnswer_IsTheSame_ForAnAccountAndForAnyOtherAddress_AndOnlyTheAccountGetsAMail()
    {
        var moderator = await _site.CreateModeratorAsync();

        var unknown = await RequestAsync("niemand@aufruf.example");
        Assert.Equal(0, await ResetMailsAsync());
        var known = await RequestAsync(moderator.Email);

        Assert.Equal(ForgotPasswordModel.Answer, unknown);
        Assert.Equal(unknown, known);
        Assert.Equal(1, await ResetMailsAsync());
        Assert.Equal(unknown, await RequestAsync(moderator.Email)); // again at once: no second mail
        Assert.Equal(1, await ResetMailsAsync());
    }

    [Fact]
    public async Task TheLink_SetsANewPassword_Once_AndSigningInStillNeedsTheApp()
    {
        var moderator = await _site.CreateModeratorAsync();
        await RequestAsync(moderator.Email);
        var link = await _site.LinkInMailAsync(ModeratorMails.PasswordResetSubject, moderator.Email);

        var saved = await ChooseAsync(link, NewPassword);

        Assert.Equal("/konto/anmelden", saved.Headers.Location!.OriginalString);
        Assert.Null(await _site.TrySignInAsync(moderator.Email, moderator.Password, moderator.NextCode()));
        Assert.Equal("/moderation", await _site.TrySignInAsync(moderator.Email, NewPassword, moderator.NextCode()));
        var again = await _site.CreatePlainClient().GetPageAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.Response.StatusCode);
        Assert.Equal("Dieser Link gilt nicht mehr", again.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains(await _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync()), e => e.Action == AuditAction.PasswordChanged && e.Details.Contains("E-Mail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLink_ExpiresAfterAnHour_AndCannotBeMadeYounger()
    {
        var moderator = await _site.CreateModeratorAsync();
        await RequestAsync(moderator.Email);
        var link = await _site.LinkInMailAsync(ModeratorMails.PasswordResetSubject, moderator.Email);
        var issued = long.Parse(link.Split("t=")[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);
        var client = _site.CreatePlainClient();
        var (_, opened) = await client.GetPageAsync(link); // opened in time, sent too late
        _site.Clock.Advance(TimeSpan.FromMinutes(61));

        var late = await client.SubmitAsync(opened, "main form", new Dictionary<string, string?> { ["Input.Password"] = NewPassword, ["Input.PasswordRepeat"] = NewPassword });
        var forged = await client.GetAsync(link.Replace($"t={issued}", $"t={issued + 3600}", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, forged.StatusCode);
        Assert.Equal("/moderation", await _site.TrySignInAsync(moderator.Email, moderator.Password, moderator.NextCode()));
    }
}
