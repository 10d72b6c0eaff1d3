using System.Diagnostics;
using System.Net;
using Integrationsoffensive.Hosting;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// Two instances of the site on one database and one real redis-server: the output cache lives in
/// Redis, so an approval on one instance evicts the cached pages of both; and when Redis dies the
/// pages still come, uncached, without a 500.
/// </summary>
public sealed class RedisOutputCacheTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private SiteFactory _first = null!;
    private SiteFactory _second = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        // A generous timeout: the suite runs many sites at once, and a slow answer is not an outage here.
        _first = new SiteFactory().WithSetting("Redis:Configuration", _redis.Configuration).WithSetting("Redis:TimeoutMilliseconds", "10000");
        _second = new SiteFactory().WithSetting("Redis:Configuration", _redis.Configuration).WithSetting("Redis:TimeoutMilliseconds", "10000")
            .WithSetting("DataDirectory", _first.DataPath);
        await RedisServer.ConnectedAsync(_first);
        await RedisServer.ConnectedAsync(_second);
    }

    public async Task DisposeAsync()
    {
        _first.Dispose();
        _second.Dispose();
        await _redis.DisposeAsync();
    }

    [RedisFact]
    public async Task ApprovalOnOneInstance_EvictsTheCachedPagesOfBoth()
    {
        var first = _first.CreatePlainClient();
        var second = _second.CreatePlainClient();
        foreach (var page in new[] { "/", "/unterzeichnende" })
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(page)).StatusCode);
        }

        Assert.NotEqual(":0", (await _redis.CommandAsync("DBSIZE")).Trim()); // the pages are in Redis, not in memory

        await _first.PublishedAsync(Applications.Details(name: "Nachbarschaftshilfe Redis", email: "redis@beispiel.example"));

        foreach (var page in new[] { "/", "/unterzeichnende" })
        {
            var html = await second.GetStringAsync(page);
            Assert.Contains("Nachbarschaftshilfe Redis", html);
        }
    }

    [RedisFact]
    public async Task AnEvictionOnOneInstance_IsCompleteForTheOther_WhenItReturns()
    {
        // The Redis store deletes the tagged entries fire-and-forget; an approval's answer must not
        // come before they are gone, or a reader sent to the other instance still gets the old page.
        var first = _first.Services.GetRequiredService<IOutputCacheStore>();
        var other = _second.Services.GetRequiredService<RedisConnection>().Multiplexer.GetDatabase();
        // The Redis store's key for a value (its own layout): were it to change, the check before the eviction fails.
        var prefix = _first.Services.GetRequiredService<RedisConnection>().Options.InstanceName + "__MSOCV_";
        var rounds = new List<string>();
        for (var round = 0; round < 200; round++)
        {
            var keys = Enumerable.Range(0, 20).Select(i => $"seite-{round}-{i}").ToArray();
            foreach (var key in keys)
            {
                await first.SetAsync(key, "<p>alt</p>"u8.ToArray(), [PublicCache.Tag], TimeSpan.FromMinutes(5), CancellationToken.None);
            }

            Assert.Equal(keys.Length, await other.KeyExistsAsync(keys.Select(k => (RedisKey)(prefix + k)).ToArray()));
            await first.EvictByTagAsync(PublicCache.Tag, CancellationToken.None);

            var left = await other.KeyExistsAsync(keys.Select(k => (RedisKey)(prefix + k)).ToArray());
            if (left > 0)
            {
                rounds.Add($"round {round}: {left} of {keys.Length} still there");
            }
        }

        Assert.True(rounds.Count == 0, string.Join("\n", rounds));
    }

    [RedisFact]
    public async Task ReadersOnTheOtherInstance_WhileApprovalsOnTheFirst_SeeEachApproval_NoPageFromBeforeItIsKept()
    {
        // Sixteen readers keep rendering and storing the list and the home page on the second instance
        // while the first approves: each approval's eviction races their stores in Redis. A render that
        // began before the approval may be stored after its eviction; it is evicted again one Redis
        // round trip later (SingleRender), and a request in that moment may still get it. So: shown
        // within moments, never kept (a kept page from before would stay for ten minutes).
        Assert.Equal(HttpStatusCode.OK, (await _second.CreatePlainClient().GetAsync("/")).StatusCode); // up before the readers come
        using var readers = new ParallelReaders(_second, 16, (reader, n) =>
            new HttpRequestMessage(HttpMethod.Get, (reader + n) % 2 == 0 ? "/unterzeichnende" : "/"));
        var check = _second.CreatePlainClient();
        foreach (var name in new[] { "Brückenbauer Redis", "Quartiershilfe Redis", "Zuflucht Redis Marburg", "Jugendhilfe Redis Gießen" })
        {
            await readers.WaitForReadsAsync(32);
            await _first.PublishedAsync(Applications.Details(name: name, email: $"{name.Replace(' ', '-').ToLowerInvariant()}@beispiel.example"));
            await Eventually.UntilAsync(async () => (await check.GetStringAsync("/unterzeichnende")).Contains(name), $"the second instance to list {name}", TimeSpan.FromSeconds(2));
        }

        await readers.WaitForReadsAsync(32);
        Assert.Empty(await readers.StopAsync());
    }

    [RedisFact]
    public async Task ApprovalOnOneInstance_ReachesTheOthersKeptJumpIndex()
    {
        // The second instance renders the list and keeps its jump index (LetterIndex); an approval
        // on the first moves the eviction count in Redis, so the second counts the initials anew.
        await _first.PublishedAsync(Applications.Details(name: "Arbeiterwohlfahrt Redis", email: "awo@beispiel.example"));
        await _first.PublishedAsync(Applications.Details(name: "Nachbarschaftshilfe Redis", email: "redis@beispiel.example"));
        var second = _second.CreatePlainClient();
        var (_, before) = await second.GetPageAsync("/unterzeichnende");
        Assert.Equal(["A", "N"], before.QuerySelectorAll(".alphabet a").Select(a => a.TextContent.Trim()));

        await _first.PublishedAsync(Applications.Details(name: "Zuflucht Redis", email: "zuflucht@beispiel.example"));

        var (_, after) = await second.GetPageAsync("/unterzeichnende");
        Assert.Contains("Zuflucht Redis", after.Body!.TextContent);
        Assert.Equal(["A", "N", "Z"], after.QuerySelectorAll(".alphabet a").Select(a => a.TextContent.Trim()));
    }

    [RedisFact]
    public async Task APageRenderedOnOneInstance_IsAnsweredFromTheSharedCacheByTheOther()
    {
        var rendered = await _first.CreatePlainClient().GetAsync("/unterzeichnende");
        Assert.False(rendered.Headers.Age.HasValue); // rendered, not from a cache

        // The output cache marks an answer it took from its store with Age; the second instance never rendered this page.
        var fromCache = await _second.CreatePlainClient().GetAsync("/unterzeichnende");

        Assert.True(fromCache.Headers.Age.HasValue, "the second instance rendered the page itself instead of taking it from Redis");
        Assert.Equal(await rendered.Content.ReadAsStringAsync(), await fromCache.Content.ReadAsStringAsync());
    }

    [RedisFact]
    public async Task RedisKilledMidRun_PagesStillRenderUncached_AndTheWarningIsLoggedOnce()
    {
        var client = _first.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        _redis.Kill();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            foreach (var page in new[] { "/", "/unterzeichnende", "/unterzeichnende.json", "/feed.atom", "/zaehler" })
            {
                var response = await client.GetAsync(page);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        // An approval while Redis is down: its eviction fails quietly, the page shows it (uncached).
        await _first.PublishedAsync(Applications.Details(name: "Trotz Ausfall Verein", email: "ausfall@beispiel.example"));
        Assert.Contains("Trotz Ausfall Verein", await client.GetStringAsync("/unterzeichnende"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"101 requests without Redis took {clock.Elapsed}");

        var warnings = _first.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("Redis ist nicht erreichbar")).ToList();
        Assert.True(warnings.Count == 1, string.Join("\n", _first.Logs.Entries.Where(e => e.Level >= LogLevel.Information).Select(e => e.Category + ": " + e.Message)));
        Assert.DoesNotContain(_first.Logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
