using System.Net;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// The form limit with two instances sharing one real redis-server: a client reaches it after N
/// submissions summed over both instances, not N on each; without Redis each instance limits alone.
/// </summary>
public sealed class RedisRateLimitTests : IAsyncLifetime
{
    private const int Limit = 4;
    private RedisServer _redis = null!;
    private SiteFactory _first = null!;
    private SiteFactory _second = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _first = Limited(new SiteFactory());
        _second = Limited(new SiteFactory()).WithSetting("DataDirectory", _first.DataPath);
        await RedisServer.ConnectedAsync(_first);
        await RedisServer.ConnectedAsync(_second);
    }

    public async Task DisposeAsync()
    {
        _first.Dispose();
        _second.Dispose();
        await _redis.DisposeAsync();
    }

    private SiteFactory Limited(SiteFactory site) => site
        .WithSetting("Redis:Configuration", _redis.Configuration)
        .WithSetting("Redis:TimeoutMilliseconds", "10000") // the suite runs many sites at once; a slow answer is not an outage here
        .WithSetting("RateLimiting:Enabled", "true")
        .WithSetting("RateLimiting:PermitLimit", Limit.ToString())
        .WithSetting("RateLimiting:WindowSeconds", "600")
        .ArrivingFrom("203.0.113.7");

    private static async Task<HttpStatusCode> RequestLinkAsync(HttpClient client)
    {
        var (_, form) = await client.GetPageAsync("/mitzeichnen/neuer-link");
        return (await client.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = "a@beispiel.de" })).StatusCode;
    }

    [RedisFact]
    public async Task TwoInstances_ReachTheLimitAfterNRequestsSummedOverBoth()
    {
        HttpClient[] clients = [_first.CreatePlainClient(), _second.CreatePlainClient()];
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < Limit * 2; i++)
        {
            answers.Add(await RequestLinkAsync(clients[i % 2]));
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Redirect, Limit), answers.Take(Limit));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, Limit), answers.Skip(Limit));
    }

    [RedisFact]
    public async Task ParallelRequestsOnBothInstances_AcceptExactlyTheLimit()
    {
        // Each submission its own client (its own antiforgery cookie), alternating between the instances.
        var clients = Enumerable.Range(0, Limit * 3).Select(i => (i % 2 == 0 ? _first : _second).CreatePlainClient()).ToList();
        var forms = await Task.WhenAll(clients.Select(client => client.GetPageAsync("/mitzeichnen/neuer-link")));

        var answers = await Task.WhenAll(forms.Select((page, i) =>
            clients[i].SubmitAsync(page.Document, "main form", new Dictionary<string, string?> { ["Input.Email"] = $"p{i}@beispiel.de" })));

        Assert.Equal(Limit, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(Limit * 2, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests), a => Assert.True(a.Headers.RetryAfter is not null));
    }

    [RedisFact]
    public async Task RedisDown_EachInstanceLimitsOnItsOwn_AndNothingFails()
    {
        var first = _first.CreatePlainClient();
        Assert.Equal(HttpStatusCode.Redirect, await RequestLinkAsync(first));

        _redis.Kill();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 2; i++)
        {
            answers.Add(await RequestLinkAsync(first));
        }

        // The local window starts afresh when Redis goes: N accepted, then limited, never an error.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Redirect, Limit), answers.Take(Limit));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2), answers.Skip(Limit));
        Assert.DoesNotContain(_first.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(_first.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Redis ist nicht erreichbar"));
    }

    [RedisFact]
    public async Task TheClientsAddress_NeverReachesRedis()
    {
        await RequestLinkAsync(_first.CreatePlainClient());

        var keys = await _redis.CommandAsync("KEYS *");

        Assert.DoesNotContain("203.0.113.7", keys);
        Assert.Contains("integrationsoffensive:forms:", keys);
    }
}
