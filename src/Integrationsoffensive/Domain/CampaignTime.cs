namespace Integrationsoffensive.Domain;

/// <summary>The campaign works in Hessen: days and hours are Berlin's, whatever the server's zone.</summary>
public static class CampaignTime
{
    public static readonly TimeZoneInfo Berlin = TryFind("Europe/Berlin") ?? TimeZoneInfo.Utc;

    public static DateTime ToBerlin(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Berlin);

    /// <summary>The calendar day in Berlin at the given UTC time.</summary>
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(ToBerlin(utc));

    /// <summary>The UTC time at which a Berlin calendar day begins.</summary>
    public static DateTime StartOf(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Berlin);

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
