using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;

namespace Integrationsoffensive.Features.Handover;

/// <summary>The co-signers of one region or one kind of organization, A–Z.</summary>
public sealed record HandoverGroup(string Label, IReadOnlyList<PublicSignatory> Signatories);

/// <summary>
/// The document the campaign hands to the government, the same for the page and the PDF: a cover
/// (title, recipient, date, count), the appeal with its demands, and every signatory — the founders
/// first, then the co-signers grouped as content/uebergabe.yml says.
/// </summary>
public sealed record HandoverDocument(
    HandoverSettings Settings,
    string DateDisplay,
    string DateIso,
    AppealContent Appeal,
    IReadOnlyList<PublicSignatory> Founders,
    IReadOnlyList<HandoverGroup> Groups)
{
    public int Count => Founders.Count + Groups.Sum(g => g.Signatories.Count);

    public string GroupedBy => Settings.ByType ? "nach Art der Organisation" : "nach Region";

    /// <summary>Null while the appeal cannot be loaded (the page answers 503 then).</summary>
    public static async Task<HandoverDocument?> LoadAsync(ContentStore store, AppDbContext db, DateTime now)
    {
        var appeal = AppealContent.Load(store);
        if (appeal is null)
        {
            return null;
        }

        var settings = HandoverSettings.Load(store);
        var founders = new List<PublicSignatory>();
        var coSigners = new List<PublicSignatory>();
        // Founders first in their order, then every co-signer A–Z: the one query the exports use too.
        await foreach (var signatory in PublishedSignatories.EveryoneAsync(db, appeal.FoundingOrganizations))
        {
            (signatory.Founder ? founders : coSigners).Add(signatory);
        }

        var choices = settings.ByType ? OrganizationTypes.All : Regions.All;
        var groups = coSigners
            .GroupBy(s => settings.ByType ? s.Type : s.Region)
            .OrderBy(g => Position(choices, g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HandoverGroup(settings.ByType ? OrganizationTypes.LabelOf(g.Key) : Regions.LabelOf(g.Key), g.ToList()))
            .ToList();

        var (display, iso) = settings.HandoverDay is { } day ? (day.Display, day.Iso) : (GermanTime.Date(now), GermanTime.IsoDate(now));
        return new HandoverDocument(settings, display, iso, appeal, founders, groups);
    }

    // Groups follow the order of the form's list; unknown codes come last.
    private static int Position(IReadOnlyList<Choice> choices, string value)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i].Value == value)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
