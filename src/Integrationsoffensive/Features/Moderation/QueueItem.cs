using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>One card of the queue: what a decision needs at a glance.</summary>
public sealed record QueueItem(
    int Id,
    string Name,
    string Type,
    string Place,
    string Region,
    string? Website,
    string? Statement,
    DateTime SubmittedAt,
    DateTime? ConfirmedAt)
{
    public string TypeLabel => OrganizationTypes.LabelOf(Type);

    public string RegionLabel => Regions.LabelOf(Region);

    /// <summary>Another application or a founder with the same or a similar name or website.</summary>
    public DuplicateMatch? Duplicate { get; init; }

    /// <summary>The organization sent a logo; the card shows it small (the picture comes from the detail page).</summary>
    public bool HasLogo { get; init; }

    /// <summary>Waiting longer than <see cref="ReviewOptions.OverdueDays"/> since the address was confirmed.</summary>
    public bool IsOverdue { get; init; }

    /// <summary>„seit 4 Tagen“: how long it has waited since the confirmation (or since it was sent).</summary>
    public string Age { get; init; } = "";
}
