using MimeKit;

namespace Integrationsoffensive.Domain;

public static class EmailAddress
{
    /// <summary>A single plain address as MailKit parses it, lower-cased; null if it is not one.</summary>
    public static string? Normalize(string value)
    {
        if (!MailboxAddress.TryParse(ParserOptions.Default, value, out var mailbox)
            || mailbox.Address != value
            || !mailbox.Address.Contains('@', StringComparison.Ordinal)
            || mailbox.Address.IndexOf('@', StringComparison.Ordinal) is 0
            || !mailbox.Domain.Contains('.', StringComparison.Ordinal)
            || mailbox.Domain.EndsWith('.'))
        {
            return null;
        }

        return mailbox.Address.ToLowerInvariant();
    }
}
