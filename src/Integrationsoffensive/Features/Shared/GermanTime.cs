using System.Globalization;
using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Shared;

/// <summary>Times are stored in UTC and shown as a German reader expects them: Berlin time, "25.11.2026, 14:05 Uhr".</summary>
public static class GermanTime
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Format(DateTime utc) => CampaignTime.ToBerlin(utc).ToString("dd.MM.yyyy, HH:mm", German) + " Uhr";

    public static string Date(DateTime utc) => CampaignTime.ToBerlin(utc).ToString("d. MMMM yyyy", German);

    /// <summary>The Berlin date as yyyy-MM-dd, for a time element's datetime attribute.</summary>
    public static string IsoDate(DateTime utc) => CampaignTime.ToBerlin(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
