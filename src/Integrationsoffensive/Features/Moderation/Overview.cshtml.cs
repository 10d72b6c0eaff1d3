using System.Globalization;
using Integrationsoffensive.Data;
using Integrationsoffensive.Features.Moderation.Dashboard;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>
/// /moderation/uebersicht: the campaign dashboard. States, applications and publications per day,
/// by type and by region, the way from the form to the list, how long decisions take; each chart
/// drawn on the server with its numbers in a table beside it; the daily figures as CSV. In
/// Production, what still has to be done before going live stands on top.
/// </summary>
public sealed class OverviewModel(AppDbContext db, LaunchChecks launch, TimeProvider clock) : ModerationPageModel
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public CampaignFigures Figures { get; private set; } = null!;

    /// <summary>Settings and content that must change before the campaign goes public (Production only).</summary>
    public IReadOnlyList<LaunchFinding> Findings { get; private set; } = [];

    public override string PageTitle => "Übersicht";

    public async Task OnGetAsync()
    {
        Figures = await CampaignFigures.LoadAsync(db, clock.GetUtcNow().UtcDateTime);
        Findings = launch.AppliesHere ? launch.Check() : [];
    }

    /// <summary>The daily figures of the last 90 days, for a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var figures = await CampaignFigures.LoadAsync(db, now);
        return CsvFile.Download($"zahlen-je-tag-{now:yyyy-MM-dd}.csv", figures.Days.ToAsyncEnumerable(), DayColumns);
    }

    public static string Date(DateOnly day) => day.ToString("dd.MM.yyyy", German);

    public static string Percent(int part, int whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("0", German) + " %";

    private static readonly IReadOnlyList<CsvColumn<DayCount>> DayColumns =
    [
        new("Datum", d => d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("Anträge", d => d.Applications.ToString(CultureInfo.InvariantCulture)),
        new("Bestätigungen", d => d.Confirmations.ToString(CultureInfo.InvariantCulture)),
        new("Veröffentlichungen", d => d.Publications.ToString(CultureInfo.InvariantCulture)),
    ];
}
