using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Domain;

/// <summary>
/// An organization that is already on the list (or has applied) under the same or a similar name,
/// or the same website. The label says where: „Nr. 12“, „Erstunterzeichnende“, or „Zeile 3“ of the
/// file being imported; <see cref="ApplicationId"/> is set for applications, to link to them.
/// </summary>
public sealed record DuplicateMatch(string Label, string Name, int? ApplicationId = null)
{
    public const string FounderLabel = "Erstunterzeichnende";

    public static DuplicateMatch Application(int id, string name) => new($"Nr. {id}", name, id);
}

/// <summary>
/// The one duplicate check, used by the application form, the moderators' direct entry, the import
/// and the queue's hints. An organization counts as known when a founder or any application that
/// was not withdrawn has the same folded name (<see cref="OrganizationNames.Normalize"/>), a similar
/// one (<see cref="SimilarNames"/>), or the same website host. Hosts that many organizations share
/// (social networks, site builders) are not compared.
/// </summary>
public sealed class DuplicateCheck(AppDbContext db, ContentStore content, DuplicateIndexCache? cache = null)
{
    public async Task<DuplicateMatch?> FindAsync(PublicFields fields) =>
        cache is null ? (await LoadIndexAsync()).Find(fields) : await cache.FindAsync(fields, content.Version(), LoadIndexAsync);

    /// <summary>Every known organization at once, for checking many rows (an import, a page of the queue) with one query.</summary>
    public async Task<DuplicateIndex> LoadIndexAsync()
    {
        var index = new DuplicateIndex();
        foreach (var founder in AppealContent.Founders(content))
        {
            index.Add(new DuplicateMatch(DuplicateMatch.FounderLabel, founder.Name), OrganizationNames.Normalize(founder.Name), Websites.HostOf(founder.Href));
        }

        var known = await db.Applications.AsNoTracking()
            .Where(a => a.Status != ApplicationStatus.Withdrawn)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.OrganizationName, a.NormalizedName, a.WebsiteHost })
            .ToListAsync();
        foreach (var a in known)
        {
            index.Add(DuplicateMatch.Application(a.Id, a.OrganizationName), a.NormalizedName, a.WebsiteHost);
        }

        return index;
    }
}

/// <summary>
/// Known organizations by folded name, similar name and website host. The same name wins over the
/// same website, which wins over a similar name; among equals, the first one added.
/// </summary>
public sealed class DuplicateIndex
{
    /// <summary>Hosts where many organizations have a page; the same host says nothing there.</summary>
    public static readonly IReadOnlySet<string> SharedHosts = new HashSet<string>(StringComparer.Ordinal)
    {
        "facebook.com", "instagram.com", "linktr.ee", "linkedin.com", "x.com", "twitter.com", "youtube.com",
        "bsky.app", "jimdo.com", "jimdosite.com", "wordpress.com", "wixsite.com", "blogspot.com", "google.com",
    };

    private readonly Dictionary<string, List<DuplicateMatch>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DuplicateMatch>> _byHost = new(StringComparer.Ordinal);
    // Similar names never differ in their digits (see SimilarNames), so names are kept by their
    // digits: a lookup compares only with names of the same digits, not with every known name.
    private readonly Dictionary<string, List<(string Name, DuplicateMatch Match)>> _namesByDigits = new(StringComparer.Ordinal);

    /// <summary>The known organization these fields name, if any; <paramref name="except"/> (the application itself) never counts.</summary>
    public DuplicateMatch? Find(PublicFields fields, int? except = null)
    {
        var name = OrganizationNames.Normalize(fields.OrganizationName);
        bool Other(DuplicateMatch match) => except is null || match.ApplicationId != except;

        if (_byName.TryGetValue(name, out var sameName) && sameName.FirstOrDefault(Other) is { } byName)
        {
            return byName;
        }

        if (ComparableHost(Websites.HostOf(fields.Website)) is { } host && _byHost.TryGetValue(host, out var sameHost)
            && sameHost.FirstOrDefault(Other) is { } byHost)
        {
            return byHost;
        }

        if (!_namesByDigits.TryGetValue(SimilarNames.DigitsOf(name), out var sameDigits))
        {
            return null;
        }

        return sameDigits.Where(known => Other(known.Match) && known.Name != name)
            .Select(known => (known.Match, Similarity: SimilarNames.Similarity(name, known.Name)))
            .Where(candidate => candidate.Similarity >= SimilarNames.Threshold)
            .OrderByDescending(candidate => candidate.Similarity) // stable: the first added among equals
            .Select(candidate => candidate.Match)
            .FirstOrDefault();
    }

    /// <summary>Adds an organization, for example a row of an import, so later rows are compared with it too.</summary>
    public void Add(DuplicateMatch match, PublicFields fields) =>
        Add(match, OrganizationNames.Normalize(fields.OrganizationName), Websites.HostOf(fields.Website));

    internal void Add(DuplicateMatch match, string normalizedName, string? host)
    {
        AddTo(_byName, normalizedName, match);
        var digits = SimilarNames.DigitsOf(normalizedName);
        if (!_namesByDigits.TryGetValue(digits, out var sameDigits))
        {
            _namesByDigits[digits] = sameDigits = [];
        }

        sameDigits.Add((normalizedName, match));
        if (ComparableHost(host) is { } comparable)
        {
            AddTo(_byHost, comparable, match);
        }
    }

    private static void AddTo(Dictionary<string, List<DuplicateMatch>> index, string key, DuplicateMatch match)
    {
        if (!index.TryGetValue(key, out var matches))
        {
            index[key] = matches = [];
        }

        matches.Add(match);
    }

    private static string? ComparableHost(string? host) => host is null || SharedHosts.Contains(host) ? null : host;
}
