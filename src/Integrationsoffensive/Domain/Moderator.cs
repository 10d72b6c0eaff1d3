using Microsoft.AspNetCore.Identity;

namespace Integrationsoffensive.Domain;

/// <summary>A person who may moderate. There is no public registration: accounts come from an invitation.</summary>
public sealed class Moderator : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    public DateTime? DisabledAt { get; set; }

    /// <summary>When the current invitation link was made; it works for 24 hours from then.</summary>
    public DateTime? InvitedAt { get; set; }

    /// <summary>
    /// The time steps of authenticator codes accepted while they could still be valid (comma
    /// separated): each code works only once, however many codes were used since.
    /// </summary>
    public string? UsedAuthenticatorSteps { get; set; }

    public bool IsDisabled => DisabledAt is not null;
}

public static class Roles
{
    public const string Moderator = "Moderator";
    public const string Admin = "Admin";
}

public static class Policies
{
    public const string Moderator = "Moderator";
    public const string Admin = "Admin";
}
