using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;

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

        Assert.DoesNotContain("12", Count(older)); // the render really was from before the approval
        Assert.Contains("12", Count(after));
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
        await client.GetStringAsync(path);
        await _site.PublishedAsync(Applications.Details(name: "Wieder Im Cache e. V.", email: "wieder@beispiel.example"));

        using var rendered = await client.GetAsync(path);
        using var cached = await client.GetAsync(path);

        Assert.Null(rendered.Headers.Age);
        Assert.Contains("12", Count(await rendered.Content.ReadAsStringAsync()));
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal(await rendered.Content.ReadAsStringAsync(), await cached.Content.ReadAsStringAsync());
    }

    // The number of co-signers a page states: the home page's counter, the list's heading, the export's count.
    internal static string Count(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, @"\d+(</strong>)? Organisationen|""anzahl"":\s*\d+") is { Success: true } match
            ? match.Value
            : throw new Xunit.Sdk.XunitException("no count on the page: " + page[..Math.Min(page.Length, 300)]);

    /// <summary>The site's own store, holding the first answer it is given until the test lets it store it.</summary>
    internal sealed class HeldStore(IOutputCacheStore inner) : IOutputCacheStore, IDisposable
    {
        public TaskCompletionSource Storing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Store { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            if (Storing.TrySetResult())
            {
                await Store.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }

            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }

        public void Dispose() => (inner as IDisposable)?.Dispose();
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
            .WithSetting("DataDirectory", _rendering.DataPath);
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

        Assert.DoesNotContain("12", ApprovalDuringRenderTests.Count(older));
        Assert.Contains("Anderswo Bestätigt", onTheOther);
        Assert.Contains("Anderswo Bestätigt", onTheSame);
    }
}
