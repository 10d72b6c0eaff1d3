using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>The moderators' daily digest: what waits, the oldest by name, once a day however many instances run.</summary>
public sealed class ReviewDigestTests : IDisposable
{
    private readonly SiteFactory _site;

    public ReviewDigestTests()
    {
        _site = new SiteFactory { JobsOnlyWhenAsked = true };
        // The clock starts at 10:00 in Berlin: the digest the site looks for at start is not due yet.
        _site.WithSetting("Moderation:DigestHour", "12").WithSetting("Email:ModeratorAddresses:1", "zweite@aufruf.example");
    }

    public void Dispose() => _site.Dispose();

    private async Task<bool> RunAsync()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewDigestJob>().SendIfDueAsync();
    }

    private Task<List<OutboxMessage>> DigestsAsync() =>
        _site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == MailKinds.ReviewDigest).OrderBy(m => m.Id).ToListAsync());

    /// <summary>Three waiting, the oldest confirmed four days before the last; ends at 11:00 in Berlin on 29 November.</summary>
    private async Task WaitingAsync()
    {
        await _site.ConfirmedAsync(Applications.Details(name: "Älteste Initiative", email: "a@alt.example"));
        _site.Clock.Advance(TimeSpan.FromDays(4));
        await _site.ConfirmedAsync(Applications.Details(name: "Mittlere Initiative", email: "b@mitte.example"));
        _site.Clock.Advance(TimeSpan.FromHours(1));
        await _site.ConfirmedAsync(Applications.Details(name: "Neue Initiative", email: "c@neu.example"));
        await _site.PublishedAsync(Applications.Details(name: "Schon veröffentlicht", email: "d@fertig.example"));
    }

    [Fact]
    public async Task Digest_CountsWhatWaits_AndTheOverdue_NamesTheOldest_ToEveryModeratorAddress()
    {
        await WaitingAsync();
        _site.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 11, 5, 0, TimeSpan.Zero)); // 12:05 in Berlin

        Assert.True(await RunAsync());

        var mails = await DigestsAsync();
        Assert.Equal(["moderation@aufruf.example", "zweite@aufruf.example"], mails.Select(m => m.ToAddress));
        Assert.All(mails, m => Assert.Equal(ModeratorMails.DigestSubject, m.Subject));
        var sent = await _site.WaitForPickupMailsAsync(m => m.Subject == ModeratorMails.DigestSubject, count: 2);
        var text = sent[0].TextBody;
        Assert.Contains("3 Mitzeichnungen warten auf Ihre Prüfung. 1 davon wartet länger als 3 Tage.", text);
        Assert.Contains("Am längsten wartet „Älteste Initiative“, seit 4 Tagen.", text);
        Assert.Contains(SiteFactory.PublicBaseUrl + "/moderation\n", text);
        Assert.Contains("Zur Warteschlange</a>", sent[0].HtmlBody);
    }

    [Fact]
    public async Task Digest_WaitsForItsHour_AndGoesOncePerDay()
    {
        await WaitingAsync();
        Assert.False(await RunAsync()); // 11:00 in Berlin

        _site.Clock.Advance(TimeSpan.FromMinutes(65));
        Assert.True(await RunAsync());
        _site.Clock.Advance(TimeSpan.FromHours(6)); // 18:05, the same day
        Assert.False(await RunAsync());
        _site.Clock.Advance(TimeSpan.FromHours(18)); // 12:05 the next day
        Assert.True(await RunAsync());

        Assert.Equal(4, (await DigestsAsync()).Count);
        var days = await _site.WithDbAsync(db => db.DailyDigests.AsNoTracking().OrderBy(d => d.Day).Select(d => d.Day).ToListAsync());
        Assert.Equal([new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 30)], days);
    }

    [Fact]
    public async Task Digest_WhenNothingWaits_SendsNothing_AndLeavesTheDayOpen()
    {
        _site.Clock.Advance(TimeSpan.FromHours(3)); // 13:00 in Berlin
        await _site.PublishedAsync();

        Assert.False(await RunAsync());
        Assert.Empty(await _site.WithDbAsync(db => db.DailyDigests.ToListAsync()));

        await _site.ConfirmedAsync(Applications.Details(name: "Später gekommen", email: "spaet@verein.example"));
        Assert.True(await RunAsync());
        Assert.Equal(2, (await DigestsAsync()).Count);
    }

    [Fact]
    public async Task Digest_RunByManyInstancesAtOnce_IsSentOnce()
    {
        await WaitingAsync();
        _site.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

        // Each run has its own scope and connection, as each instance of the site would.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(RunAsync)));

        Assert.Single(results, sent => sent);
        Assert.Equal(2, (await DigestsAsync()).Count); // one per moderator address
        Assert.Equal(3, await _site.WithDbAsync(db => db.DailyDigests.Select(d => d.Waiting).SingleAsync()));
    }
}
