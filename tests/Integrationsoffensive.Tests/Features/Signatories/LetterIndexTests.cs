using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Signatories;
using Integrationsoffensive.Hosting;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Integrationsoffensive.Tests.Features.Signatories;

/// <summary>
/// The list's jump index is counted once per eviction, not once per page: kept while the eviction
/// count stands, counted anew when it moves or after ten minutes. The count here is the test's
/// own, so the site's evictions (a new co-signer) do not move it unless the test says so.
/// </summary>
public sealed class LetterIndexTests : IDisposable
{
    private readonly SiteFactory _site = new();
    private readonly LocalEvictionCount _evictions = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero));

    public void Dispose() => _site.Dispose();

    private Task<Application> Publish(string name) =>
        _site.PublishedAsync(Applications.Details(name: name, email: $"{Guid.NewGuid():N}@beispiel.example"));

    private async Task<Dictionary<string, int>> InitialsAsync(LetterIndex index) =>
        (await _site.WithDbAsync(db => index.AllAsync(db))).ToDictionary(i => i.Key, i => i.Count);

    [Fact]
    public async Task TheCounts_AreKept_UntilTheEvictionCountMoves()
    {
        await Publish("Arbeiterwohlfahrt Kassel");
        var index = new LetterIndex(_evictions, _clock);
        Assert.Equal(1, (await InitialsAsync(index))["a"]);

        await Publish("Zuflucht Fulda e. V.");
        Assert.False((await InitialsAsync(index)).ContainsKey("z")); // kept: the count did not move

        await _evictions.IncrementAsync();
        Assert.Equal(1, (await InitialsAsync(index))["z"]);
    }

    [Fact]
    public async Task TheCounts_AreNotKeptLongerThanACachedPage()
    {
        await Publish("Arbeiterwohlfahrt Kassel");
        var index = new LetterIndex(_evictions, _clock);
        await InitialsAsync(index);

        await Publish("Zuflucht Fulda e. V.");
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False((await InitialsAsync(index)).ContainsKey("z"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await InitialsAsync(index))["z"]);
    }
}
