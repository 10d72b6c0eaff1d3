namespace Integrationsoffensive.Email;

/// <summary>The kinds of mail the site sends, stored as stable codes with each outbox message.</summary>
public static class MailKinds
{
    public const string Confirmation = "confirmation";
    public const string Receipt = "receipt";
    public const string ModeratorNotice = "moderator-notice";
    public const string Published = "published";
    public const string Rejected = "rejected";
    public const string ReviewDigest = "review-digest";
    public const string Invitation = "invitation";
    public const string PasswordReset = "password-reset";
}
