using MimeKit;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Reads the .eml files the site writes into data/mail when no SMTP server is configured.</summary>
public static class PickupMail
{
    public static async Task<IReadOnlyList<MimeMessage>> WaitForPickupMailsAsync(this SiteFactory site, Func<MimeMessage, bool> predicate, int count = 1)
    {
        for (var attempt = 0; attempt < 250; attempt++)
        {
            var messages = Directory.Exists(site.PickupPath)
                ? Directory.EnumerateFiles(site.PickupPath, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path)).Where(predicate).ToList()
                : [];
            if (messages.Count >= count)
            {
                return messages;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"Expected {count} mail(s) in {site.PickupPath}");
    }
}
