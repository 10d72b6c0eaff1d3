using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>The queue's status tabs: German words in the URL, statuses in the database.</summary>
public sealed record StatusFilter(string Slug, string Label, ApplicationStatus Status)
{
    public static readonly StatusFilter Waiting = new("wartet", "wartet", ApplicationStatus.Confirmed);
    public static readonly StatusFilter Published = new("veroeffentlicht", "veröffentlicht", ApplicationStatus.Published);

    public static readonly IReadOnlyList<StatusFilter> All =
    [
        Waiting,
        Published,
        new("abgelehnt", "abgelehnt", ApplicationStatus.Rejected),
        new("depubliziert", "depubliziert", ApplicationStatus.Unpublished),
        new("zurueckgezogen", "zurückgezogen", ApplicationStatus.Withdrawn),
        new("unbestaetigt", "unbestätigt", ApplicationStatus.Submitted),
    ];

    public static StatusFilter From(string? slug) => All.FirstOrDefault(f => f.Slug == slug) ?? Waiting;
}
