using MimeKit;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Reads the .eml files the site writes into data/mail when no SMTP server is configured.</summary>
public static class PickupMail
{
    public static async Task<IReadOnlyList<MimeMessage>> WaitForPickupMailsAsync(this SiteFactory site, Func<MimeMessage, bool> predicate, int count = 1)
    {
        return await Eventually.WaitForAsync<IReadOnlyList<MimeMessage>>(
            () => Directory.Exists(site.PickupPath)
                ? Directory.EnumerateFiles(site.PickupPath, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path)).Where(predicate).ToList()
                : [],
            messages => messages.Count >= count,
            messages => $"expected {count} mail(s) in {site.PickupPath}, found {messages.Count}");
    }
}
