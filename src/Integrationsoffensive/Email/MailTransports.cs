using System.Runtime.ExceptionServices;
using Integrationsoffensive.Hosting;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integrationsoffensive.Email;

/// <summary>Where composed mails go: an SMTP server, or a folder of .eml files on a laptop.</summary>
public interface IMailTransport
{
    /// <summary>A session for a batch of mails: over SMTP one connection carries them all.</summary>
    IMailSession Open();
}

/// <summary>Sends mails one after another; disposing it ends the connection, if there is one.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public IMailSession Open() => new Session(options.Value.Smtp);

    // Connects on the first mail and keeps the connection for the rest of the batch: on the press
    // night a connection, TLS handshake and login per mail would let the confirmation mails fall
    // behind the applications. A mail the server refuses ends the connection (the next one opens a
    // fresh one); when the server cannot be reached or refuses the site's sender, the outbox stops
    // the batch there (its mails wait for the sender's next try) instead of trying each mail.
    private sealed class Session(SmtpOptions smtp) : IMailSession
    {
        private StagedClient? _client;
        private int _carried; // mails the current connection has delivered
        private ExceptionDispatchInfo? _unavailable;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            _unavailable?.Throw(); // each mail of the batch records the connection's own error

            var reused = _carried > 0;
            var (failure, atMailFrom) = await TrySendAsync(message, cancellationToken);
            if (failure is not null && reused && RefusesTheSite(failure, atMailFrom))
            {
                // A relay that takes only so many mails per connection answers „421“ at the next:
                // a fresh connection first, before the whole outbox waits for the server.
                (failure, atMailFrom) = await TrySendAsync(message, cancellationToken);
            }

            if (failure is null)
            {
                return;
            }

            if (RefusesTheSite(failure, atMailFrom))
            {
                var unavailable = new MailServerUnavailableException(failure);
                _unavailable = ExceptionDispatchInfo.Capture(unavailable);
                throw unavailable;
            }

            ExceptionDispatchInfo.Throw(failure);
        }

        // The failure (the connection is then closed; the next mail opens a fresh one) and whether
        // it came before the server took the sender (MAIL FROM), i.e. before anything of this mail.
        private async Task<(Exception? Failure, bool AtMailFrom)> TrySendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var client = _client ?? await ConnectAsync(cancellationToken);
            client.SenderAccepted = false;
            try
            {
                await client.SendAsync(message, cancellationToken);
                _carried++;
                return (null, false);
            }
            catch (Exception exception)
            {
                _client = null;
                _carried = 0;
                client.Dispose();
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                return (exception, !client.SenderAccepted);
            }
        }

        // No mail can go out and none is at fault when the server closes the channel („421“, at
        // any step) or, at MAIL FROM, which names the site's own sender for every mail, wants a
        // login („530“, MailKit's ServiceNotAuthenticated) or fails on its side („450“, „451“).
        // Whatever else is refused is the mail's own, so one mail cannot hold up the outbox: its
        // recipient (also „530“ for a relay refused), its size or parameters („552“, „555“).
        private static bool RefusesTheSite(Exception exception, bool atMailFrom) => exception switch
        {
            SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable } => true,
            MailKit.ServiceNotAuthenticatedException => atMailFrom,
            SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted, StatusCode: SmtpStatusCode.MailboxBusy or SmtpStatusCode.ErrorInProcessing } => atMailFrom,
            _ => false,
        };

        // Knows whether the server has taken the sender of the mail being sent.
        private sealed class StagedClient : SmtpClient
        {
            public bool SenderAccepted { get; set; }

            protected override void OnSenderAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
            {
                SenderAccepted = true;
                base.OnSenderAccepted(message, mailbox, response);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is not { } client)
            {
                return;
            }

            _client = null;
            try
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None); // the mails are accepted already
            }
            catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // a server that drops the line at QUIT has still taken every mail it acknowledged
            }
            finally
            {
                client.Dispose();
            }
        }

        private async Task<StagedClient> ConnectAsync(CancellationToken cancellationToken)
        {
            var client = new StagedClient { Timeout = smtp.TimeoutSeconds * 1000 };
            try
            {
                await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port, smtp.Security, cancellationToken);
                if (!string.IsNullOrEmpty(smtp.Username))
                {
                    await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
                }
            }
            catch (Exception exception)
            {
                client.Dispose();
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                var unreachable = new MailServerUnavailableException(exception);
                _unavailable = ExceptionDispatchInfo.Capture(unreachable);
                throw unreachable;
            }

            return _client = client;
        }
    }
}

/// <summary>Without SMTP settings every mail is written to data/mail/ so the whole flow works locally.</summary>
public sealed class PickupDirectoryMailTransport(IOptions<EmailOptions> options, DataDirectory dataDirectory) : IMailTransport, IMailSession
{
    private static long _sequence;

    public string Folder { get; } = dataDirectory.SubDirectory(options.Value.PickupDirectory);

    public IMailSession Open() => this;

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

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// The mail server takes no mail from the site at all: connecting, TLS or the login failed (refused,
/// timed out, „service not available“), or it refuses the site's sender address. That is an outage,
/// not the fault of the mail about to be sent; a failure of one mail's recipient or content, or a
/// connection lost while one mail is sent, counts as that mail's.
/// </summary>
public sealed class MailServerUnavailableException(Exception inner) : Exception("The mail server is not available.", inner);

public static class MailOutages
{
    public static bool IsOutage(Exception exception) => exception is MailServerUnavailableException;

    /// <summary>The name logged and kept with a mail: the underlying error's, not the wrapper's, with the server's answer code.</summary>
    public static string ErrorName(Exception exception) =>
        (exception is MailServerUnavailableException { InnerException: { } inner } ? inner : exception) switch
        {
            SmtpCommandException command => $"{command.GetType().Name} {(int)command.StatusCode}",
            var error => error.GetType().Name,
        };
}
