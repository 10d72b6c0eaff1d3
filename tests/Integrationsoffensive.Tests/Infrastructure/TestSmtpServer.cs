using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port, inside the test process. The site talks to it with
/// MailKit exactly as it would talk to the campaign's mail provider.
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private CancellationTokenSource? _stop;
    private Task? _running;
    private int _sessions;

    public TestSmtpServer(int? port = null) => Port = port ?? FreePort();

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>How many SMTP connections the server has taken.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>Recipients the server answers with 550, as a provider does for an unknown mailbox.</summary>
    public Func<string, bool>? RejectRecipient { get; init; }

    /// <summary>
    /// Answers every MAIL FROM with this code: 530 as a provider does that now wants a login, 421
    /// („try again later“) as one that throttles.
    /// </summary>
    public int? RefuseSenderWith { get; init; }

    /// <summary>Answers every RCPT TO with this code (530: a relay that wants a login for outside recipients).</summary>
    public int? RefuseRecipientWith { get; init; }

    /// <summary>How many mails one connection may carry; the next MAIL FROM is answered „421“, as some relays do.</summary>
    public int? MailsPerConnection { get; init; }

    /// <summary>Recipients at whose RCPT TO the server drops the connection, as a provider's crashing relay does.</summary>
    public Func<string, bool>? DropConnectionAt { get; init; }

    public TestSmtpServer Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        services.Add(new Recipients(this, address => RejectRecipient?.Invoke(address) != true, address => DropConnectionAt?.Invoke(address) == true));
        _stop = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
        return this;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages match, then returns them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> predicate, int count = 1)
    {
        return await Eventually.WaitForAsync(
            () => _messages.Where(predicate).ToList(),
            matching => matching.Count >= count,
            _ => $"expected {count} matching mail(s); received: " + string.Join(", ", _messages.Select(m => $"{m.To} „{m.Subject}“")));
    }

    public void Dispose()
    {
        if (_stop is null)
        {
            return;
        }

        _stop.Cancel();
        try
        {
            _running?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // cancelled on purpose
        }

        _stop.Dispose();
        _stop = null;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Recipients(TestSmtpServer server, Func<string, bool> accept, Func<string, bool> drop) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
        {
            if (server.RefuseSenderWith is { } code)
            {
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)code, Reply(code)));
            }

            var carried = context.Properties.TryGetValue("carried", out var count) ? (int)count : 0;
            context.Properties["carried"] = carried + 1;
            return carried >= server.MailsPerConnection
                ? throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)421, "4.7.0 Too many messages on this connection"))
                : Task.FromResult(true);
        }

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = to.AsAddress();
            if (drop(address))
            {
                throw new IOException("The relay broke down."); // SmtpServer ends the session: the line closes without an answer
            }

            if (server.RefuseRecipientWith is { } code)
            {
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)code, Reply(code)));
            }

            return Task.FromResult(accept(address));
        }
    }

    private static string Reply(int code) => code switch
    {
        530 => "5.7.0 Authentication required",
        421 => "4.7.0 Try again later",
        _ => "5.5.4 Not accepted",
    };

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
