using System.Net;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// One render per cached answer, also when a request's lookup missed while another request's
/// render was running and the request only came to join that render after it had finished: the
/// output cache then let it render once more (two renders among 32 cold requests in CI).
/// </summary>
public sealed class SingleRenderTests : IDisposable
{
    private readonly WrappedStoreSite<LateSecondLookup> _site = new(inner => new LateSecondLookup(inner));

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("/", null)]
    [InlineData("/unterzeichnende.json", null)]
    [InlineData("/unterzeichnende", "br")]
    [InlineData("/unterzeichnende.json", null, "/UNTERZEICHNENDE.json")] // the cache ignores the path's case
    public Task ALookup_ThatMissedDuringARender_AndCameLate_IsAnsweredFromTheCache(string path, string? encoding, string? secondPath = null) =>
        LateLookup.AnsweredFromTheCacheAsync(_site, path, encoding, secondPath);

    [Fact]
    public async Task ARequest_ThatLeftTheRender_ButFindsNothingCached_RendersItself()
    {
        // The same late lookup, but the cache is emptied (an approval) before the second request
        // looks again: it must render, not answer empty.
        var client = _site.CreatePlainClient();
        var store = _site.Store;

        var first = LateLookup.Get(client, "/", null);
        await store.FirstStoring.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = LateLookup.Get(client, "/", null);
        var firstAnswer = await first;
        await store.EvictByTagAsync("signatories", CancellationToken.None);
        store.FirstAnswered.SetResult();
        var secondAnswer = await second;

        Assert.Equal(HttpStatusCode.OK, secondAnswer.Status);
        Assert.True(secondAnswer.Rendered);
        Assert.Equal(firstAnswer.Body, secondAnswer.Body);
    }
}

/// <summary>The same with the output cache in a real redis-server (a store that reads and writes buffers).</summary>
public sealed class SingleRenderOnRedisTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private WrappedStoreSite<LateSecondLookup> _site = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _site = new WrappedStoreSite<LateSecondLookup>(inner => new LateSecondLookup(inner)).OnRedis(_redis);
        await RedisServer.ConnectedAsync(_site);
    }

    public async Task DisposeAsync()
    {
        _site.Dispose();
        await _redis.DisposeAsync();
    }

    [RedisFact]
    public Task ALookup_ThatMissedDuringARender_AndCameLate_IsAnsweredFromTheCache() =>
        LateLookup.AnsweredFromTheCacheAsync(_site, "/unterzeichnende", "br");
}

internal static class LateLookup
{
    public static async Task AnsweredFromTheCacheAsync(WrappedStoreSite<LateSecondLookup> site, string path, string? encoding, string? secondPath = null)
    {
        var client = site.CreatePlainClient();
        var store = site.Store;

        var first = Get(client, path, encoding);
        // The first request has rendered and is about to store its answer: the second one looks up now
        // and misses, and its thread is scheduled again only after the first one has its answer.
        await store.FirstStoring.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = Get(client, secondPath ?? path, encoding);
        var firstAnswer = await first;
        store.FirstAnswered.SetResult();
        var secondAnswer = await second;

        Assert.True(store.SecondMissed.Task.IsCompletedSuccessfully, "the second request did not miss the cache as planned");
        Assert.Equal(HttpStatusCode.OK, firstAnswer.Status);
        Assert.Equal(HttpStatusCode.OK, secondAnswer.Status);
        Assert.True(firstAnswer.Rendered);
        Assert.False(secondAnswer.Rendered, "the second request rendered the page once more instead of taking the first one's render from the cache");
        Assert.Equal(firstAnswer.Body, secondAnswer.Body);
        Assert.Equal(firstAnswer.Encoding, secondAnswer.Encoding);
    }

    public static async Task<Answer> Get(HttpClient client, string path, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(encoding);
        }

        using var response = await client.SendAsync(request);
        return new Answer(
            response.StatusCode,
            response.Headers.Age is null,
            await response.Content.ReadAsByteArrayAsync(),
            string.Join(",", response.Content.Headers.ContentEncoding));
    }

    public sealed record Answer(HttpStatusCode Status, bool Rendered, byte[] Body, string Encoding);
}

/// <summary>
/// The site's own store with the timing of a busy machine: the first render is stored only once
/// the second request's lookup has missed, and that lookup answers only after the first request
/// has its answer.
/// </summary>
internal sealed class LateSecondLookup(IOutputCacheStore inner) : TimedOutputCacheStore(inner)
{
    private int _lookups;

    public TaskCompletionSource FirstStoring { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SecondMissed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource FirstAnswered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async ValueTask AfterLookupAsync(bool found, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _lookups) == 2 && !found)
        {
            SecondMissed.SetResult();
            await FirstAnswered.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
    }

    protected override async ValueTask<bool> BeforeStoreAsync(CancellationToken cancellationToken)
    {
        if (!FirstStoring.TrySetResult())
        {
            return false;
        }

        await SecondMissed.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        return true;
    }
}
