namespace Integrationsoffensive.Domain;

/// <summary>
/// Where an application stands. Stored by name, so the names are stable codes: renaming one needs a
/// migration. Each status means one thing: a moderator's unpublishing and an applicant's withdrawal
/// are different states with different consequences for the contact data.
/// </summary>
public enum ApplicationStatus
{
    /// <summary>Sent through the form; the e-mail address is not yet confirmed.</summary>
    Submitted,

    /// <summary>The address is confirmed; the application waits for a moderator.</summary>
    Confirmed,

    /// <summary>Approved (or entered by a moderator) and shown on every public page.</summary>
    Published,

    /// <summary>Not approved; contact data are deleted after the configured period.</summary>
    Rejected,

    /// <summary>Taken down by a moderator after publication; the organization did not ask for it.</summary>
    Unpublished,

    /// <summary>Withdrawn by the organization itself; contact data were deleted at once.</summary>
    Withdrawn,
}

/// <summary>The German names of the statuses, as moderators read them.</summary>
public static class ApplicationStatusLabels
{
    public static string Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "unbestätigt",
        ApplicationStatus.Confirmed => "wartet auf Prüfung",
        ApplicationStatus.Published => "veröffentlicht",
        ApplicationStatus.Rejected => "abgelehnt",
        ApplicationStatus.Unpublished => "depubliziert",
        ApplicationStatus.Withdrawn => "zurückgezogen",
        _ => status.ToString(),
    };
}
