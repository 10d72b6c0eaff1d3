using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>How long reviews take: the median from confirmation to decision, and how it is said.</summary>
public sealed class ReviewTimesTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>An application confirmed at <paramref name="confirmed"/> and decided <paramref name="after"/> later.</summary>
    private async Task DecidedAsync(DateTime confirmed, TimeSpan after, bool reject = false, bool byModerator = false)
    {
        var details = Applications.Details(name: $"Verein {Guid.NewGuid():N}", email: $"{Guid.NewGuid():N}@verein.example");
        var application = byModerator
            ? Application.AddByModerator(details, "2023-11", "m@aufruf.example", "Papier", possibleDuplicate: false, confirmed)
            : Application.Submit(details, "2023-11", ConsentText.Version, possibleDuplicate: false, confirmed);
        if (!byModerator)
        {
            application.Confirm(confirmed);
            if (reject)
            {
                application.Reject("m@aufruf.example", "Grund", confirmed + after);
            }
            else
            {
                application.Publish("m@aufruf.example", confirmed + after);
            }
        }

        await _site.WithDbAsync(async db =>
        {
            db.Applications.Add(application);
            await db.SaveChangesAsync();
        });
    }

    [Theory]
    [InlineData(10, "weniger als eine Stunde", "seit weniger als einer Stunde")]
    [InlineData(80, "etwa eine Stunde", "seit einer Stunde")]
    [InlineData(5 * 60 + 20, "etwa 5 Stunden", "seit 5 Stunden")]
    [InlineData(30 * 60, "etwa 30 Stunden", "seit einem Tag")]
    [InlineData(60 * 60, "etwa 3 Tage", "seit 2 Tagen")]
    public void Durations_AreSaidAsPeopleSayThem(int minutes, string approximately, string since)
    {
        Assert.Equal(approximately, ReviewTimes.Approximately(TimeSpan.FromMinutes(minutes)));
        Assert.Equal(since, ReviewTimes.Since(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public async Task Median_CountsPublishedAndRejected_FromTheForm_NotEntriesByModerators()
    {
        var now = _site.Clock.GetUtcNow().UtcDateTime;
        await DecidedAsync(now.AddDays(-20), TimeSpan.FromDays(1));
        await DecidedAsync(now.AddDays(-20), TimeSpan.FromDays(2), reject: true);
        await DecidedAsync(now.AddDays(-20), TimeSpan.FromDays(9));
        await DecidedAsync(now.AddDays(-20), TimeSpan.Zero, byModerator: true);
        await _site.ConfirmedAsync(); // still waiting: no decision yet

        Assert.Equal(TimeSpan.FromDays(2), await _site.WithDbAsync(db => ReviewTimes.MedianAsync(db)));
        await DecidedAsync(now.AddDays(-20), TimeSpan.FromDays(4));
        Assert.Equal(TimeSpan.FromDays(3), await _site.WithDbAsync(db => ReviewTimes.MedianAsync(db))); // even count: the mean of the middle two
    }

    [Fact]
    public async Task ConfirmationPage_SaysHowLongAReviewUsuallyTakes_FromTheLast90Days()
    {
        var client = _site.CreatePlainClient();
        var (_, before) = await client.GetPageAsync("/mitzeichnen/bestaetigt");
        Assert.Null(before.QuerySelector(".typical-review")); // nothing decided yet: no promise

        var now = _site.Clock.GetUtcNow().UtcDateTime;
        await DecidedAsync(now.AddDays(-200), TimeSpan.FromDays(30)); // long ago: not counted
        await DecidedAsync(now.AddDays(-10), TimeSpan.FromHours(20));
        await DecidedAsync(now.AddDays(-10), TimeSpan.FromDays(2));
        await DecidedAsync(now.AddDays(-10), TimeSpan.FromDays(3));

        var (_, page) = await client.GetPageAsync("/mitzeichnen/bestaetigt");

        Assert.Equal("Die Prüfung dauert zurzeit in der Regel etwa 2 Tage.", page.QuerySelector(".typical-review")!.Text());
    }
}
