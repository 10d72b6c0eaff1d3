using Microsoft.AspNetCore.Identity;

namespace Integrationsoffensive.Domain;

/// <summary>A person who may moderate. There is no public registration: accounts come from an invitation.</summary>
public sealed class Moderator : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    public DateTime? DisabledAt { get; set; }

    /// <summary>When the current invitation link was made; it works for 24 hours from then.</summary>
    public DateTime? InvitedAt { get; set; }

    /// <summary>Hash of the last authenticator code accepted, and when: a code works only once.</summary>
    public string? LastAuthenticatorCodeHash { get; set; }

    public DateTime? LastAuthenticatorCodeAt { get; set; }

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
