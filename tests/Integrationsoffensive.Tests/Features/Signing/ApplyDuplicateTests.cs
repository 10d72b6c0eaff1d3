using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>The same organization twice: flagged, never stored twice, not even when the form arrives twice at once.</summary>
public sealed class ApplyDuplicateTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private Task<List<Application>> ApplicationsAsync() =>
        _site.WithDbAsync(db => db.Applications.Include(a => a.History).AsNoTracking().ToListAsync());

    [Fact]
    public async Task Post_SameOrganizationAgain_WithOtherSpellingAndAddress_IsAcceptedButFlagged()
    {
        await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues());

        await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues(name: "  FLÜCHTLINGSHILFE   musterstadt e.V. ", email: "vorstand@fluechtlingshilfe.example"));

        var applications = (await ApplicationsAsync()).OrderBy(a => a.Id).ToList();
        Assert.Equal(2, applications.Count);
        Assert.False(applications[0].IsPossibleDuplicate);
        Assert.True(applications[1].IsPossibleDuplicate);
    }

    [Fact]
    public async Task Post_FoundingOrganization_IsFlaggedAsPossibleDuplicate()
    {
        await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues(name: "diakonie hessen"));

        Assert.True(Assert.Single(await ApplicationsAsync()).IsPossibleDuplicate);
    }

    [Fact]
    public async Task Post_TheSameFormTwiceAtOnce_CreatesOneApplication_AndBothSeeThanks()
    {
        var client = _site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen");
        _site.Clock.Advance(TimeSpan.FromSeconds(20));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.SubmitAsync(form, "form.form", Applications.FormValues())));

        Assert.All(responses, r => Assert.Equal("/mitzeichnen/danke", r.Headers.Location?.OriginalString));
        Assert.Single(await ApplicationsAsync());
    }

    [Fact]
    public async Task Post_SamePendingApplicationTwice_IsNotCreatedTwice_ButSendsAFreshLink()
    {
        await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues());

        var again = await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues(email: "KONTAKT@fluechtlingshilfe.example"));

        Assert.Equal("/mitzeichnen/danke", again.Headers.Location!.OriginalString);
        var application = Assert.Single(await ApplicationsAsync());
        Assert.Contains(application.History, e => e.Action == AuditAction.ConfirmationResent);
        var mails = await _site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject == ApplicationMails.ConfirmSubject));
        Assert.Equal(2, mails);
    }
}
