using Integrationsoffensive.Email;
using Integrationsoffensive.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integrationsoffensive.Tests.Mail;

/// <summary>The pickup folder is what a developer (and the tests) read as „sent mail“: in sending order.</summary>
public sealed class PickupDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pickup-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task MailsWrittenInTheSameMillisecond_SortByName_InTheOrderTheyWereSent()
    {
        var transport = new PickupDirectoryMailTransport(Options.Create(new EmailOptions()), new DataDirectory(_root));

        for (var i = 0; i < 200; i++)
        {
            var message = new MimeMessage { Subject = i.ToString("D3") };
            message.To.Add(MailboxAddress.Parse("a@beispiel.de"));
            message.Body = new TextPart("plain") { Text = "x" };
            await transport.Open().SendAsync(message, CancellationToken.None);
        }

        var subjects = Directory.EnumerateFiles(transport.Folder, "*.eml").Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path).Subject).ToList();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i.ToString("D3")), subjects);
    }
}
