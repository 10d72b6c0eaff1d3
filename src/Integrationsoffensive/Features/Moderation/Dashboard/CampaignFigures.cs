using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation.Dashboard;

/// <summary>One Berlin day: applications sent, addresses confirmed, organizations published (approved or entered).</summary>
public sealed record DayCount(DateOnly Day, int Applications, int Confirmations, int Publications);

/// <summary>The way from the form to the list: sent, confirmed, published (form applications only).</summary>
public sealed record Funnel(int Submitted, int Confirmed, int Published);

/// <summary>A label and its number, for a chart and its table.</summary>
public sealed record Figure(string Label, int Value);

/// <summary>
/// The campaign in numbers, as the dashboard shows them. Events (sent, confirmed, published) are
/// counted from the audit trail, so an unconfirmed application deleted after seven days still
/// counts as sent; states and the published list from the applications as they are now. Days are
/// Berlin days. Founders have neither type nor region and are not counted by them.
/// </summary>
public sealed record CampaignFigures(
    IReadOnlyList<Figure> ByStatus,
    IReadOnlyList<DayCount> Days,
    IReadOnlyList<Figure> ByType,
    IReadOnlyDictionary<string, int> ByRegion,
    Funnel Funnel,
    TimeSpan? MedianDecision,
    TimeSpan? MedianDecision30Days)
{
    public const int DayWindow = 90;

    public IReadOnlyList<DayCount> LastDays(int count) => Days.Skip(Math.Max(0, Days.Count - count)).ToList();

    public static async Task<CampaignFigures> LoadAsync(AppDbContext db, DateTime now)
    {
        var statuses = await db.Applications.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var today = CampaignTime.Day(now);
        var first = today.AddDays(1 - DayWindow);
        var since = CampaignTime.StartOf(first);
        AuditAction[] counted = [AuditAction.Submitted, AuditAction.Confirmed, AuditAction.Published, AuditAction.AddedByModerator];
        var events = await db.AuditEntries.AsNoTracking().Where(e => counted.Contains(e.Action))
            .GroupBy(e => e.Action).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var recent = await db.AuditEntries.AsNoTracking().Where(e => e.OccurredAt >= since && counted.Contains(e.Action))
            .Select(e => new { e.OccurredAt, e.Action }).ToListAsync();
        var perDay = recent.ToLookup(e => (CampaignTime.Day(e.OccurredAt), e.Action));
        var days = Enumerable.Range(0, DayWindow).Select(first.AddDays).Select(day => new DayCount(day,
            perDay[(day, AuditAction.Submitted)].Count(),
            perDay[(day, AuditAction.Confirmed)].Count(),
            perDay[(day, AuditAction.Published)].Count() + perDay[(day, AuditAction.AddedByModerator)].Count())).ToList();

        var published = PublishedSignatories.Query(db);
        var types = await published.GroupBy(a => a.OrganizationType).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var regions = await published.GroupBy(a => a.Region).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        return new CampaignFigures(
            Enum.GetValues<ApplicationStatus>().Select(s => new Figure(ApplicationStatusLabels.Of(s), statuses.GetValueOrDefault(s))).ToList(),
            days,
            OrganizationTypes.All.Select(t => new Figure(t.Label, types.GetValueOrDefault(t.Value))).ToList(),
            regions,
            new Funnel(events.GetValueOrDefault(AuditAction.Submitted), events.GetValueOrDefault(AuditAction.Confirmed), events.GetValueOrDefault(AuditAction.Published)),
            await ReviewTimes.MedianAsync(db),
            await ReviewTimes.MedianAsync(db, now.AddDays(-30)));
    }
}
