using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Domain;

/// <summary>
/// An organization that is already on the list (or has applied) under the same name or website.
/// The label says where: „Nr. 12“, „Erstunterzeichnende“, or „Zeile 3“ of the file being imported.
/// </summary>
public sealed record DuplicateMatch(string Label, string Name)
{
    public const string FounderLabel = "Erstunterzeichnende";

    public static DuplicateMatch Application(int id, string name) => new($"Nr. {id}", name);
}

/// <summary>
/// The one duplicate check, used by the application form, the moderators' direct entry and the
/// import. An organization counts as known when a founder or any application that was not withdrawn
/// has the same folded name (<see cref="OrganizationNames.Normalize"/>) or the same website host.
/// Hosts that many organizations share (social networks, site builders) are not compared.
/// </summary>
public sealed class DuplicateCheck(AppDbContext db, ContentStore content, DuplicateIndexCache? cache = null)
{
    public async Task<DuplicateMatch?> FindAsync(PublicFields fields) =>
        cache is null ? (await LoadIndexAsync()).Find(fields) : await cache.FindAsync(fields, content.Version(), LoadIndexAsync);

    /// <summary>Every known organization at once, for checking many rows (an import) with one query.</summary>
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

/// <summary>Known organizations by folded name and website host; the first one added wins.</summary>
public sealed class DuplicateIndex
{
    /// <summary>Hosts where many organizations have a page; the same host says nothing there.</summary>
    public static readonly IReadOnlySet<string> SharedHosts = new HashSet<string>(StringComparer.Ordinal)
    {
        "facebook.com", "instagram.com", "linktr.ee", "linkedin.com", "x.com", "twitter.com", "youtube.com",
        "bsky.app", "jimdo.com", "jimdosite.com", "wordpress.com", "wixsite.com", "blogspot.com", "google.com",
    };

    private readonly Dictionary<string, DuplicateMatch> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DuplicateMatch> _byHost = new(StringComparer.Ordinal);

    public DuplicateMatch? Find(PublicFields fields)
    {
        if (_byName.TryGetValue(OrganizationNames.Normalize(fields.OrganizationName), out var byName))
        {
            return byName;
        }

        return ComparableHost(Websites.HostOf(fields.Website)) is { } host && _byHost.TryGetValue(host, out var byHost) ? byHost : null;
    }

    /// <summary>Adds an organization, for example a row of an import, so later rows are compared with it too.</summary>
    public void Add(DuplicateMatch match, PublicFields fields) =>
        Add(match, OrganizationNames.Normalize(fields.OrganizationName), Websites.HostOf(fields.Website));

    internal void Add(DuplicateMatch match, string normalizedName, string? host)
    {
        _byName.TryAdd(normalizedName, match);
        if (ComparableHost(host) is { } comparable)
        {
            _byHost.TryAdd(comparable, match);
        }
    }

    private static string? ComparableHost(string? host) => host is null || SharedHosts.Contains(host) ? null : host;
}
