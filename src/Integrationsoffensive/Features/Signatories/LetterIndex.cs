using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>
/// The A–Z list's jump index: how many published co-signers there are per initial. SQLite groups
/// every published row in a temporary tree to count them (1.2 ms for 5,000), and after an approval
/// each page of the list is rendered anew and would group them again. For the unfiltered list the
/// counts are kept until the public cache is next evicted, which every change to a published
/// co-signer does once it is committed, on this instance or another (<see cref="IEvictionCount"/>),
/// and never longer than a cached page lives. Filtered views count their own rows each time.
/// </summary>
public sealed class LetterIndex(IEvictionCount evictions, TimeProvider clock)
{
    private static readonly TimeSpan LongestKept = TimeSpan.FromMinutes(10); // as long as a cached page (PublicCache)

    private Kept? _kept;

    public sealed record Initial(string Key, int Count);

    private sealed record Kept(long Evictions, DateTimeOffset At, IReadOnlyList<Initial> Initials);

    /// <summary>The initials of all published co-signers, kept between evictions.</summary>
    public async Task<IReadOnlyList<Initial>> AllAsync(AppDbContext db)
    {
        // Read before the rows: a change committed after this read evicts and moves the count, so
        // what is kept under this count never misses a change that came before it.
        var count = await evictions.ReadAsync();
        var now = clock.GetUtcNow();
        if (_kept is { } kept && kept.Evictions == count && now - kept.At < LongestKept)
        {
            return kept.Initials;
        }

        var initials = await CountAsync(PublishedSignatories.Query(db));
        _kept = new Kept(count, now, initials);
        return initials;
    }

    /// <summary>The initials of the given co-signers, counted now.</summary>
    public static async Task<IReadOnlyList<Initial>> CountAsync(IQueryable<Application> applications) =>
        await applications.GroupBy(a => a.SearchKey.Substring(0, 1)).Select(g => new Initial(g.Key, g.Count())).ToListAsync();
}
