namespace Integrationsoffensive.Features.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Moderation";

    /// <summary>Moderators must sign in with an authenticator app as well as their password.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>A session slides with activity for this long…</summary>
    public double SessionHours { get; set; } = 8;

    /// <summary>…but ends after this long whatever happens.</summary>
    public double AbsoluteSessionHours { get; set; } = 12;

    public double InvitationValidHours { get; set; } = 24;
}
