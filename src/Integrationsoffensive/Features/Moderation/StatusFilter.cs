using Integrationsoffensive.Features.Signing;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>The queue's status tabs: German words in the URL, statuses in the database.</summary>
public sealed record StatusFilter(string Slug, string Label, ApplicationStatus Status)
{
    public static readonly IReadOnlyList<StatusFilter> All =
    [
        new("wartet", "wartet", ApplicationStatus.Confirmed),
        new("veroeffentlicht", "veröffentlicht", ApplicationStatus.Published),
        new("abgelehnt", "abgelehnt", ApplicationStatus.Rejected),
        new("zurueckgezogen", "zurückgezogen", ApplicationStatus.Withdrawn),
        new("unbestaetigt", "unbestätigt", ApplicationStatus.Submitted),
    ];

    public static StatusFilter From(string? slug) => All.FirstOrDefault(f => f.Slug == slug) ?? All[0];

    public static string LabelOf(ApplicationStatus status) => All.First(f => f.Status == status).Label;
}
