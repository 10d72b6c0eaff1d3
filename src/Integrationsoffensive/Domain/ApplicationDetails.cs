namespace Integrationsoffensive.Domain;

/// <summary>The fields readers see, as a moderator corrects them.</summary>
public sealed record PublicFields(string OrganizationName, string OrganizationType, string Place, string Region, string? Website, string? Statement);

/// <summary>The fields an applicant submits, already normalised and validated.</summary>
public sealed record ApplicationDetails(PublicFields PublicFields, string? ContactName, string? Email, string? Phone);

/// <summary>A change the application's current status does not allow; the message is German, for moderators.</summary>
public sealed class InvalidTransitionException(string message) : InvalidOperationException(message);
