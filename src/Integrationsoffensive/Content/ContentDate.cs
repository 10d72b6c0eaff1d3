using System.Globalization;

namespace Integrationsoffensive.Content;

/// <summary>
/// A date from front matter, to the day ("2023-11-27") or only to the month ("2023-11") when the
/// day is not known: editors write what they know, readers see „27. November 2023“ or „November 2023“.
/// </summary>
public sealed record ContentDate(int Year, int Month, int? Day)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The date as written in front matter, for a <c>time</c> element's datetime attribute.</summary>
    public string Iso => Day is { } day ? $"{Year:D4}-{Month:D2}-{day:D2}" : $"{Year:D4}-{Month:D2}";

    public string Display
    {
        get
        {
            var date = new DateOnly(Year, Month, Day ?? 1);
            return date.ToString(Day is null ? "MMMM yyyy" : "d. MMMM yyyy", German);
        }
    }

    /// <summary>Null for an empty value; a <see cref="ContentException"/> for anything that is not such a date.</summary>
    public static ContentDate? Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new ContentDate(day.Year, day.Month, day.Day);
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return new ContentDate(month.Year, month.Month, null);
        }

        throw new ContentException($"\"{field}\" must be a date like 2023-11-27 or 2023-11, not \"{value}\".");
    }
}
