using Integrationsoffensive.Hosting;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// An approval while a public page is being rendered: the render read the list before the approval,
/// the approval emptied the cache, and the render is stored after that. The next reader must still
/// see the approved organization, not the older page for the next ten minutes.
/// </summary>
public sealed class ApprovalDuringRenderTests : IDisposable
{
    private readonly WrappedStoreSite<HeldStore> _site = new(inner => new HeldStore(inner));

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("/unterzeichnende")]
    [InlineData("/unterzeichnende.json")]
    [InlineData("/")]
    public async Task TheNextReader_SeesTheApproval_ThoughARenderFromBeforeItWasStoredAfterIt(string path)
    {
        var client = _site.CreatePlainClient();
        var store = _site.Store;

        var before = client.GetStringAsync(path);
        await store.Storing.Task.WaitAsync(TimeSpan.FromSeconds(10)); // rendered, not yet stored
        await _site.PublishedAsync(Applications.Details(name: "Spät Bestätigt e. V.", email: "spaet@beispiel.example"));
        store.Store.SetResult();
        var older = await before;

        var after = await client.GetStringAsync(path);

        Assert.True(store.Stored.Task.IsCompletedSuccessfully, "the render from before the approval was not stored");
        Assert.Equal(Count(older) + 1, Count(after)); // the held render really was from before the approval
        if (path != "/")
        {
            Assert.Contains("Spät Bestätigt", after);
        }
    }

    [Theory]
    [InlineData("/unterzeichnende")]
    [InlineData("/")]
    public async Task AfterAnApproval_ThePageRenderedAnew_IsCachedAgain(string path)
    {
        var client = _site.CreatePlainClient();
        _site.Store.Store.SetResult(); // nothing held here
        var before = Count(await client.GetStringAsync(path));
        await _site.PublishedAsync(Applications.Details(name: "Wieder Im Cache e. V.", email: "wieder@beispiel.example"));

        using var rendered = await client.GetAsync(path);
        using var cached = await client.GetAsync(path);

        Assert.Null(rendered.Headers.Age);
        Assert.Equal(before + 1, Count(await rendered.Content.ReadAsStringAsync()));
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal(await rendered.Content.ReadAsStringAsync(), await cached.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadersInParallelWithApprovals_AfterTheLastApproval_EveryReaderSeesAll()
    {
        // Sixteen readers keep asking while five organizations are approved one after the other;
        // renders, stores and evictions interleave as they will on the night.
        _site.Store.Store.SetResult(); // nothing held here
        var client = _site.CreatePlainClient();
        var before = Count(await client.GetStringAsync("/unterzeichnende.json"));
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/unterzeichnende.json")).StatusCode);
            }
        })).ToList();

        for (var i = 0; i < 5; i++)
        {
            await _site.PublishedAsync(Applications.Details(name: $"Parallel {i} e. V.", email: $"parallel{i}@beispiel.example"));
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetStringAsync("/unterzeichnende.json")));
        Assert.All(answers, answer => Assert.Equal(before + 5, Count(answer)));
    }

    // The number of co-signers a page states: the home page's counter, the list's heading, the export's count.
    internal static int Count(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, @"(\d+)(</strong>)? Organisationen|""anzahl"":\s*(\d+)") is { Success: true } match
            ? int.Parse(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new Xunit.Sdk.XunitException("no count on the page: " + page[..Math.Min(page.Length, 300)]);

    /// <summary>The site's own store, holding the first answer it is given until the test lets it store it.</summary>
    internal sealed class HeldStore(IOutputCacheStore inner) : TimedOutputCacheStore(inner)
    {
        public TaskCompletionSource Storing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Store { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The held answer went to the site's store (the test would prove nothing otherwise).</summary>
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async ValueTask<bool> BeforeStoreAsync(CancellationToken cancellationToken)
        {
            if (!Storing.TrySetResult())
            {
                return false;
            }

            await Store.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            return true;
        }

        protected override void AfterStore(bool held)
        {
            if (held)
            {
                Stored.SetResult();
            }
        }
    }
}

/// <summary>
/// The same with two instances on one Redis: the render runs on one, the approval is made on the
/// other, and the next reader on either sees it.
/// </summary>
public sealed class ApprovalOnAnotherInstanceDuringRenderTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private WrappedStoreSite<ApprovalDuringRenderTests.HeldStore> _rendering = null!;
    private SiteFactory _approving = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _rendering = new WrappedStoreSite<ApprovalDuringRenderTests.HeldStore>(inner => new ApprovalDuringRenderTests.HeldStore(inner)).OnRedis(_redis);
        _approving = new SiteFactory().WithSetting("Redis:Configuration", _redis.Configuration).WithSetting("Redis:TimeoutMilliseconds", "10000")
            .WithSetting("Redis:RetrySeconds", "2").WithSetting("DataDirectory", _rendering.DataPath);
        await RedisServer.ConnectedAsync(_rendering);
        await RedisServer.ConnectedAsync(_approving);
    }

    public async Task DisposeAsync()
    {
        _rendering.Dispose();
        _approving.Dispose();
        await _redis.DisposeAsync();
    }

    [RedisFact]
    public async Task TheNextReader_SeesTheApprovalMadeOnTheOtherInstance_ThoughARenderFromBeforeItWasStoredAfterIt()
    {
        var store = _rendering.Store;
        var before = _rendering.CreatePlainClient().GetStringAsync("/unterzeichnende");
        await store.Storing.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await _approving.PublishedAsync(Applications.Details(name: "Anderswo Bestätigt e. V.", email: "anderswo@beispiel.example"));
        store.Store.SetResult();
        var older = await before;

        var onTheOther = await _approving.CreatePlainClient().GetStringAsync("/unterzeichnende");
        var onTheSame = await _rendering.CreatePlainClient().GetStringAsync("/unterzeichnende");

        Assert.True(store.Stored.Task.IsCompletedSuccessfully, "the render from before the approval was not stored");
        Assert.DoesNotContain("Anderswo Bestätigt", older);
        Assert.Contains("Anderswo Bestätigt", onTheOther);
        Assert.Contains("Anderswo Bestätigt", onTheSame);
    }

    [RedisFact]
    public async Task AnApprovalWhileRedisWasAway_CountsWhenItsEvictionIsRepeated_SoARenderFromBeforeIsNotKept()
    {
        var store = _rendering.Store;
        var before = _rendering.CreatePlainClient().GetStringAsync("/unterzeichnende");
        await store.Storing.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The approving instance loses Redis for a moment: its eviction is owed, and repeated as soon
        // as it uses Redis again (here: a reader on it, who gets the new list).
        var redis = _approving.Services.GetRequiredService<RedisConnection>();
        redis.ReportFailure("Test", new TimeoutException("a moment without Redis"));
        Assert.False(redis.IsAvailable);
        await _approving.PublishedAsync(Applications.Details(name: "Während Des Ausfalls e. V.", email: "ausfall@beispiel.example"));
        await Eventually.UntilAsync(() => Task.FromResult(redis.IsAvailable), "Redis to be asked again");
        Assert.Contains("Während Des Ausfalls", await _approving.CreatePlainClient().GetStringAsync("/unterzeichnende"));

        store.Store.SetResult(); // the render from before the approval is stored now
        var older = await before;
        var after = await _approving.CreatePlainClient().GetStringAsync("/unterzeichnende");

        Assert.True(store.Stored.Task.IsCompletedSuccessfully, "the render from before the approval was not stored");
        Assert.DoesNotContain("Während Des Ausfalls", older);
        Assert.Contains("Während Des Ausfalls", after);
    }
}
