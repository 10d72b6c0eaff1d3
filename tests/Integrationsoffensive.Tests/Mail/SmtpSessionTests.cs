using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Integrationsoffensive.Email;
using Integrationsoffensive.Tests.Infrastructure;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integrationsoffensive.Tests.Mail;

/// <summary>
/// The outbox hands the SMTP transport a batch at a time: on the press night one connection per
/// batch, not a connection, handshake and login for every confirmation mail.
/// </summary>
public sealed class SmtpSessionTests
{
    private static readonly string[] Addresses = ["a@beispiel.de", "unbekannt@beispiel.de", "b@beispiel.de"];

    [Fact]
    public async Task ABatchOfMails_TravelsOverOneConnection()
    {
        using var server = new TestSmtpServer().Start();
        var transport = Transport(server.Port);

        await using (var session = transport.Open())
        {
            for (var i = 0; i < 5; i++)
            {
                await session.SendAsync(Mail($"person{i}@beispiel.de", i), CancellationToken.None);
            }
        }

        await server.WaitForAsync(_ => true, count: 5);
        Assert.Equal(["0", "1", "2", "3", "4"], server.Messages.Select(m => m.Subject));
        Assert.Equal(1, server.Sessions);
    }

    [Fact]
    public async Task AMailTheServerRefuses_FailsAlone_AndTheNextOnesStillArrive()
    {
        using var server = new TestSmtpServer { RejectRecipient = address => address.StartsWith("unbekannt", StringComparison.Ordinal) }.Start();

        var failures = await SendThreeOverOneSessionAsync(server);

        await server.WaitForAsync(_ => true, count: 2);
        var (failed, failure) = Assert.Single(failures);
        Assert.Equal(1, failed);
        Assert.IsType<MailKit.Net.Smtp.SmtpCommandException>(failure);
        Assert.Equal(["0", "2"], server.Messages.Select(m => m.Subject));
    }

    [Fact]
    public async Task AConnectionLostWhileOneMailIsSent_IsThatMailsFailure_NotAnOutage_AndTheNextMailStillArrives()
    {
        using var server = new TestSmtpServer { DropConnectionAt = address => address.StartsWith("unbekannt", StringComparison.Ordinal) }.Start();

        var failures = await SendThreeOverOneSessionAsync(server);

        await server.WaitForAsync(_ => true, count: 2);
        var (failed, failure) = Assert.Single(failures);
        Assert.Equal(1, failed);
        Assert.IsAssignableFrom<MailKit.ProtocolException>(failure); // „unexpectedly disconnected“
        Assert.False(MailOutages.IsOutage(failure), $"counted as an outage: {failure}");
        Assert.Equal(["0", "2"], server.Messages.Select(m => m.Subject));
        Assert.Equal(2, server.Sessions); // the lost connection is replaced by a fresh one for the next mail
    }

    [Fact]
    public async Task ARelayThatTakesOnlyTwoMailsPerConnection_GetsEveryMail_OverFreshConnections_WithoutAnOutage()
    {
        using var server = new TestSmtpServer { MailsPerConnection = 2 }.Start();

        await using (var session = Transport(server.Port).Open())
        {
            for (var i = 0; i < 5; i++)
            {
                await session.SendAsync(Mail($"person{i}@beispiel.de", i), CancellationToken.None);
            }
        }

        await server.WaitForAsync(_ => true, count: 5);
        Assert.Equal(["0", "1", "2", "3", "4"], server.Messages.Select(m => m.Subject));
        Assert.Equal(3, server.Sessions);
    }

    [Theory]
    [InlineData(555, null)] // MAIL FROM parameters the server does not take: this mail's size or encoding
    [InlineData(null, 530)] // a relay that wants a login for this recipient
    public async Task ARefusalOfOneMail_AtMailFromOrRcptTo_IsThatMailsFailure_NotAnOutage(int? atMailFrom, int? atRcptTo)
    {
        using var server = new TestSmtpServer { RefuseSenderWith = atMailFrom, RefuseRecipientWith = atRcptTo }.Start();

        var failures = await SendThreeOverOneSessionAsync(server);

        Assert.Equal([0, 1, 2], failures.Select(f => f.Number));
        Assert.All(failures, f => Assert.False(MailOutages.IsOutage(f.Error), $"counted as an outage: {f.Error}"));
    }

    [Fact]
    public async Task AServerThatDoesNotAnswer_CostsOneTimeoutPerBatch_NotOnePerMail()
    {
        // Takes connections and never greets: the mail provider hangs.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var socket = await listener.AcceptSocketAsync();
                    lock (accepted)
                    {
                        accepted.Add(socket);
                    }
                }
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // the listener stopped
            }
        });
        var transport = Transport(((IPEndPoint)listener.LocalEndpoint).Port, timeoutSeconds: 1);
        var watch = Stopwatch.StartNew();
        var failed = 0;

        await using (var session = transport.Open())
        {
            for (var i = 0; i < 3; i++)
            {
                try
                {
                    await session.SendAsync(Mail("a@beispiel.de", i), CancellationToken.None);
                }
                catch (MailServerUnavailableException exception) when (exception.InnerException is IOException or TimeoutException or MailKit.ProtocolException)
                {
                    failed++; // an outage (the outbox stops the batch), not the mail's own failure
                }
            }
        }

        listener.Stop();
        await accepting;
        Assert.Equal(3, failed);
        Assert.Single(accepted);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"the batch took {watch.Elapsed.TotalSeconds:F1} s");
        accepted.ForEach(socket => socket.Dispose());
    }

    // Sends the three addresses' mails in one session, as the outbox does a batch; the failures by number.
    private static async Task<List<(int Number, Exception Error)>> SendThreeOverOneSessionAsync(TestSmtpServer server)
    {
        var failures = new List<(int, Exception)>();
        await using var session = Transport(server.Port).Open();
        foreach (var (address, i) in Addresses.Select((a, i) => (a, i)))
        {
            try
            {
                await session.SendAsync(Mail(address, i), CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures.Add((i, exception));
            }
        }

        return failures;
    }

    private static SmtpMailTransport Transport(int port, int timeoutSeconds = 10) => new(Options.Create(new EmailOptions
    {
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None, TimeoutSeconds = timeoutSeconds },
    }));

    private static MimeMessage Mail(string to, int number)
    {
        var message = new MimeMessage { Subject = number.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        message.From.Add(MailboxAddress.Parse("aufruf@beispiel.de"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = "Hallo" };
        return message;
    }
}
