using Integrationsoffensive.Domain;
using Microsoft.Extensions.Time.Testing;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>The cached duplicate index under a burst of applications: one rebuild, not one per request.</summary>
public sealed class DuplicateIndexCacheTests
{
    [Fact]
    public async Task ManyLookupsAtOnce_OnAStaleIndex_BuildItOnce()
    {
        using var cache = new DuplicateIndexCache(new FakeTimeProvider());
        var builds = 0;
        async Task<DuplicateIndex> Build()
        {
            Interlocked.Increment(ref builds);
            await Task.Delay(50);
            var index = new DuplicateIndex();
            index.Add(new DuplicateMatch("Nr. 1", "Verein 12"), new PublicFields("Verein 12", "sonstige", "Kassel", "kassel-stadt", null, null));
            return index;
        }

        var found = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() =>
            cache.FindAsync(new PublicFields("Verein 12", "sonstige", "Kassel", "kassel-stadt", null, null), "v1", Build))));

        Assert.Equal(1, builds);
        Assert.All(found, match => Assert.Equal("Nr. 1", match?.Label));
    }
}
