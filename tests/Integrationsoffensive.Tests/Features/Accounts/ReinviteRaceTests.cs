using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Accounts;

/// <summary>Two admins (or a double click) re-invite the same person at the same moment: one invitation, one mail, no error.</summary>
public sealed class ReinviteRaceTests : IDisposable
{
    private const string Person = "person@aufruf.example";
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task ParallelReinvites_MakeOneInvitation_WhoseLinkWorks_AndEveryRequestIsAnswered()
    {
        var old = await _site.CreateModeratorAsync(Person);
        var admins = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            admins.Add(await _site.SignInAsync(await _site.CreateModeratorAsync($"admin{i}@aufruf.example", admin: true)));
        }

        var answers = await Task.WhenAll(admins.SelectMany(admin => new[] { admin, admin }).Select(admin => Task.Run(() => admin.AccountActionAsync("Reinvite", Person))));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode));
        var audit = await _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.ModeratorReinvited).ToListAsync());
        Assert.Single(audit);
        var mails = await _site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().CountAsync(m => m.Kind == MailKinds.Invitation && m.ToAddress == Person));
        Assert.Equal(2, mails); // the first invitation and one new one
        var link = await _site.LinkInMailAsync(ModeratorMails.InvitationSubject, Person, count: 2);
        var (renewed, done) = await _site.AcceptInvitationAsync(_site.CreatePlainClient(), link, Person);
        Assert.Equal(10, done.QuerySelectorAll("ul.recovery-codes li").Length);
        Assert.Equal("/moderation", await _site.TrySignInAsync(Person, renewed.Password, renewed.NextCode()));
        Assert.Null(await _site.TrySignInAsync(Person, old.Password, old.NextCode()));
    }
}
