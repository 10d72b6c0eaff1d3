using System.Buffers;
using System.Globalization;
using System.Net;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Integrationsoffensive.Bench;

/// <summary>
/// The campaign's mail provider during the press run: an SMTP server on loopback that takes every
/// mail and counts it, so the site sends as it does in production (over SMTP, not into files).
/// The count is written to a file several times a second for press.sh to read; the confirmation
/// links go into another file (one per line) for the moderator of the stampede round.
/// </summary>
public static class MailSink
{
    public static async Task<int> RunAsync(Options options)
    {
        var countFile = options.Text("count-file");
        await using var links = new StreamWriter(options.Text("links"), append: false) { AutoFlush = true };
        var store = new CountingStore(links);
        var smtp = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, options.Number("port", 2525))))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add((SmtpServer.Protocol.ISmtpCommandFactory)new WithoutPipelining());
        using var stop = new CancellationTokenSource();
        using var signal = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        var server = new SmtpServer.SmtpServer(smtp, services).StartAsync(stop.Token);
        while (!stop.IsCancellationRequested)
        {
            await File.WriteAllTextAsync(countFile + ".tmp", store.Count.ToString(CultureInfo.InvariantCulture));
            File.Move(countFile + ".tmp", countFile, overwrite: true);
            try
            {
                await Task.Delay(100, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        try
        {
            await server;
        }
        catch (OperationCanceledException)
        {
            // stopped on purpose
        }

        return 0;
    }

    // SmtpServer answers pipelined commands only after a pause (about 40 ms per mail, measured with
    // MailKit and with a hand-written client); a provider that does not offer PIPELINING gets one
    // command at a time, which it answers at once.
    private sealed class WithoutPipelining : SmtpCommandFactory
    {
        public override SmtpCommand CreateEhlo(string domainOrAddress) => new Ehlo(domainOrAddress);
    }

    private sealed class Ehlo(string domainOrAddress) : EhloCommand(domainOrAddress)
    {
        protected override IEnumerable<string> GetExtensions(ISessionContext context) =>
            base.GetExtensions(context).Where(extension => extension != "PIPELINING");
    }

    private sealed class CountingStore(StreamWriter links) : MessageStore
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var link = Approvals.ConfirmLink().Match(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            if (link.Success)
            {
                lock (links)
                {
                    links.WriteLine(link.Groups[1].Value);
                }
            }

            Interlocked.Increment(ref _count);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
