using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integrationsoffensive.Domain;

/// <summary>
/// The claim on one day's digest to the moderators: the day (in Berlin) is the key, so however
/// many instances try at once, one row and one set of mails is saved, the others fail on the key.
/// </summary>
public sealed class DailyDigest
{
    private DailyDigest()
    {
    }

    public DailyDigest(DateOnly day, DateTime sentAt, int waiting)
    {
        Day = day;
        SentAt = sentAt;
        Waiting = waiting;
    }

    public DateOnly Day { get; private set; }

    public DateTime SentAt { get; private set; }

    /// <summary>How many applications waited when the digest went out.</summary>
    public int Waiting { get; private set; }
}

internal sealed class DailyDigestConfiguration : IEntityTypeConfiguration<DailyDigest>
{
    public void Configure(EntityTypeBuilder<DailyDigest> builder) => builder.HasKey(d => d.Day);
}
