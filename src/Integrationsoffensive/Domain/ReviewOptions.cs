namespace Integrationsoffensive.Domain;

/// <summary>How quickly applications should be decided, and when moderators are reminded (section "Moderation").</summary>
public sealed class ReviewOptions
{
    public const string Section = "Moderation";

    /// <summary>An application confirmed longer ago than this waits too long: the queue marks it overdue.</summary>
    public int OverdueDays { get; set; } = 3;

    /// <summary>From this hour (Berlin time) on, the day's digest goes to the moderators.</summary>
    public int DigestHour { get; set; } = 8;

    /// <summary>How often the digest service looks whether today's digest is due.</summary>
    public double DigestCheckMinutes { get; set; } = 10;

    public bool IsValid() => OverdueDays > 0 && DigestHour is >= 0 and <= 23 && DigestCheckMinutes > 0;
}
