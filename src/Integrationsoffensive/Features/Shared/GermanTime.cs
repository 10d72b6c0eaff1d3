using System.Globalization;

namespace Integrationsoffensive.Features.Shared;

/// <summary>Times are stored in UTC and shown as a German reader expects them: Berlin time, "25.11.2026, 14:05 Uhr".</summary>
public static class GermanTime
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly TimeZoneInfo Berlin = TryFind("Europe/Berlin") ?? TimeZoneInfo.Utc;

    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Berlin).ToString("dd.MM.yyyy, HH:mm", German) + " Uhr";

    public static string Date(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Berlin).ToString("d. MMMM yyyy", German);

    /// <summary>The Berlin date as yyyy-MM-dd, for a time element's datetime attribute.</summary>
    public static string IsoDate(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Berlin).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeZoneInfo? TryFind(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
    }
}
