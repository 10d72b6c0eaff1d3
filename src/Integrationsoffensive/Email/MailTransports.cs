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
        private SmtpClient? _client;
        private ExceptionDispatchInfo? _unavailable;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            _unavailable?.Throw(); // each mail of the batch records the connection's own error

            var client = _client ?? await ConnectAsync(cancellationToken);
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception exception) when (RefusesTheSite(exception))
            {
                _client = null;
                client.Dispose();
                var unavailable = new MailServerUnavailableException(exception);
                _unavailable = ExceptionDispatchInfo.Capture(unavailable);
                throw unavailable;
            }
            catch
            {
                _client = null;
                client.Dispose();
                throw;
            }
        }

        // MAIL FROM names the site's own sender, the same for every mail: refused there („530
        // authentication required“ after a provider's change, MailKit's ServiceNotAuthenticated;
        // „421 try again later“ when it throttles), no mail can go out and none is at fault. Only a
        // mail too big for the server is refused there on its own account.
        private static bool RefusesTheSite(Exception exception) => exception
            is MailKit.ServiceNotAuthenticatedException
            or SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted, StatusCode: not SmtpStatusCode.ExceededStorageAllocation };

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

        private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
        {
            var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
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
