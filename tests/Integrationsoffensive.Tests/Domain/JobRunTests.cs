using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>A background job runs once per period however many instances start it at once.</summary>
public sealed class JobRunTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TryClaim_ByEightInstancesAtOnce_OneWinsThePeriod_TheNextPeriodIsOpenAgain()
    {
        var interval = TimeSpan.FromHours(1);
        var now = new DateTime(2026, 11, 25, 10, 17, 0, DateTimeKind.Utc);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var db = _database.CreateContext();
            return await JobRun.TryClaimAsync(db, "RetentionJob", now, interval, CancellationToken.None);
        })));

        Assert.Single(claims, claimed => claimed);
        await using var later = _database.CreateContext();
        Assert.True(await JobRun.TryClaimAsync(later, "RetentionJob", now.AddHours(1), interval, CancellationToken.None));
        Assert.Equal("2026-11-25T10:00:00Z", JobRun.PeriodOf(now, interval));
    }

    [Fact]
    public async Task TheInstancesThatComeSecond_LogNoError()
    {
        using var site = new SiteFactory();
        await site.WithDbAsync(db => db.JobRuns.CountAsync()); // started and migrated

        // Thirty periods, eight instances at once for each: the second comes at the very moment often enough.
        for (var hour = 0; hour < 30; hour++)
        {
            var now = new DateTime(2026, 11, 25, 0, 17, 0, DateTimeKind.Utc).AddHours(hour);
            var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => site.WithDbAsync(db =>
                JobRun.TryClaimAsync(db, "TestJob", now, TimeSpan.FromHours(1), CancellationToken.None)))));
            Assert.Single(claims, claimed => claimed);
        }

        Assert.DoesNotContain(site.Logs.Events, e => e.Level >= Serilog.Events.LogEventLevel.Error);
    }
}
