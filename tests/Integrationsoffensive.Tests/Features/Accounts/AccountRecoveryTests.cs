using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Accounts;

/// <summary>Admins re-invite a moderator, reset two factors, enable a disabled account; invitations go out by mail.</summary>
public sealed class AccountRecoveryTests : IDisposable
{
    private const string Person = "person@aufruf.example";
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<(TestModerator Person, HttpClient PersonSession, HttpClient Admin)> EnrolledAsync()
    {
        var person = await _site.CreateModeratorAsync(Person);
        var session = await _site.SignInAsync(person);
        var admin = await _site.SignInAsync(await _site.CreateModeratorAsync("admin@aufruf.example", admin: true));
        return (person, session, admin);
    }

    [Fact]
    public async Task Invitation_IsAlsoSentByMail_WithTheLinkTheAdminSees()
    {
        var admin = await _site.SignInAsync(await _site.CreateModeratorAsync("admin@aufruf.example", admin: true));
        var (_, page) = await admin.GetPageAsync("/moderation/admin/moderatoren");

        var shown = await admin.FollowAsync(await admin.SubmitAsync(page, "form.form", new Dictionary<string, string?> { ["Input.Email"] = "neu@aufruf.example" }));

        var link = await _site.LinkInMailAsync(ModeratorMails.InvitationSubject, "neu@aufruf.example");
        Assert.Equal(SiteFactory.PublicBaseUrl + link, shown.QuerySelector("code.invitation-link")!.TextContent);
        var (_, invitation) = await _site.CreatePlainClient().GetPageAsync(link);
        Assert.Equal("Einladung annehmen", invitation.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Reinvite_VoidsPasswordFactorsAndSessions_AndTheNewFactorSignsIn_NotTheOld()
    {
        var (old, session, admin) = await EnrolledAsync();

        var response = await admin.AccountActionAsync("Reinvite", Person);

        Assert.Contains("ist neu eingeladen", (await admin.FollowAsync(response)).QuerySelector(".notice")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/moderation")).StatusCode); // the session ended
        Assert.Null(await _site.TrySignInAsync(Person, old.Password, old.NextCode())); // no password until the new invitation is taken
        var link = await _site.LinkInMailAsync(ModeratorMails.InvitationSubject, Person, count: 2);
        var (renewed, done) = await _site.AcceptInvitationAsync(_site.CreatePlainClient(), link, Person);
        Assert.Equal(10, done.QuerySelectorAll("ul.recovery-codes li").Length);
        Assert.NotEqual(old.Key, renewed.Key);

        Assert.Null(await _site.TrySignInAsync(Person, renewed.Password, old.NextCode()));
        Assert.Equal("/moderation", await _site.TrySignInAsync(Person, renewed.Password, renewed.NextCode()));
        Assert.Contains(await _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync()),
            e => e.Action == AuditAction.ModeratorReinvited && e.Actor == "admin@aufruf.example" && e.Details.StartsWith(Person, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResetTwoFactor_KeepsThePassword_AsksForIt_AndOnlyTheNewAppSignsIn()
    {
        var (old, session, admin) = await EnrolledAsync();

        await admin.AccountActionAsync("ResetTwoFactor", Person);

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/moderation")).StatusCode);
        var link = await _site.LinkInMailAsync(ModeratorMails.TwoFactorSubject, Person);
        var client = _site.CreatePlainClient();
        var (_, page) = await client.GetPageAsync(link);
        Assert.Equal("Ihr bisheriges Passwort", page.QuerySelector("label[for=Input_Password]")!.TextContent);
        Assert.Null(page.QuerySelector("#Input_PasswordRepeat"));
        var key = page.QuerySelector("code.shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var renewed = new TestModerator(Person, old.Password, key, () => _site.Clock.GetUtcNow().UtcDateTime);

        var wrong = await client.SubmitAsync(page, "main form", new Dictionary<string, string?> { ["Input.Password"] = "ein falsches Passwort bitte", ["Input.Code"] = renewed.NextCode() });
        Assert.Contains("Das Passwort stimmt nicht", (await wrong.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        var right = await client.SubmitAsync(page, "main form", new Dictionary<string, string?> { ["Input.Password"] = old.Password, ["Input.Code"] = renewed.NextCode() });
        Assert.Equal(10, (await right.ReadDocumentAsync()).QuerySelectorAll("ul.recovery-codes li").Length);

        Assert.Null(await _site.TrySignInAsync(Person, old.Password, old.NextCode()));
        Assert.Equal("/moderation", await _site.TrySignInAsync(Person, old.Password, renewed.NextCode()));
    }

    [Fact]
    public async Task Enable_LetsADisabledAccountSignInAgain_WithItsPasswordAndApp()
    {
        var (person, _, admin) = await EnrolledAsync();
        await admin.AccountActionAsync("Disable", Person);
        Assert.Null(await _site.TrySignInAsync(Person, person.Password, person.NextCode()));

        var response = await admin.AccountActionAsync("Enable", Person);

        Assert.Contains("wieder freigeschaltet", (await admin.FollowAsync(response)).QuerySelector(".notice")!.TextContent);
        Assert.Equal("/moderation", await _site.TrySignInAsync(Person, person.Password, person.NextCode()));
        Assert.Contains(await _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync()), e => e.Action == AuditAction.ModeratorEnabled);
    }

    [Fact]
    public async Task AnAdmin_CannotReinviteOrResetTheirOwnAccount_FromThePage()
    {
        var admin = await _site.SignInAsync(await _site.CreateModeratorAsync("admin@aufruf.example", admin: true));
        var (_, page) = await admin.GetPageAsync("/moderation/admin/moderatoren");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await admin.PostAsync("/moderation/admin/moderatoren?handler=Reinvite", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("AccountEmail", "admin@aufruf.example")]));

        Assert.Contains("Ihr eigenes Konto", (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("input[name=AccountEmail][value='admin@aufruf.example']"));
    }
}
