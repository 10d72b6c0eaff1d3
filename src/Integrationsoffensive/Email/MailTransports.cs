using Integrationsoffensive.Hosting;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integrationsoffensive.Email;

/// <summary>Where composed mails go: an SMTP server, or a folder of .eml files on a laptop.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Without SMTP settings every mail is written to data/mail/ so the whole flow works locally.</summary>
public sealed class PickupDirectoryMailTransport(IOptions<EmailOptions> options, DataDirectory dataDirectory) : IMailTransport
{
    private static long _sequence;

    public string Folder { get; } = dataDirectory.SubDirectory(options.Value.PickupDirectory);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        // Time, then a sequence: mails sent in the same millisecond still sort in sending order.
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Interlocked.Increment(ref _sequence):D10}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Folder, name);
        await using var file = File.Create(path + ".tmp");
        await message.WriteToAsync(file, cancellationToken);
        await file.DisposeAsync();
        File.Move(path + ".tmp", path); // readers never see half a file
    }
}
