namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>A site that sends its mail over SMTP to a real server running in the test.</summary>
public sealed class SmtpSiteFactory : SiteFactory
{
    public SmtpSiteFactory()
        : this(startServer: true)
    {
    }

    public SmtpSiteFactory(bool startServer)
    {
        Smtp = new TestSmtpServer();
        if (startServer)
        {
            Smtp.Start();
        }

        WithSetting("Email:Smtp:Host", "127.0.0.1");
        WithSetting("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WithSetting("Email:Smtp:Security", "None");
        WithSetting("Email:From", "aufruf@aufruf.example");
        WithSetting("Email:ReplyTo", "kontakt@aufruf.example");
    }

    public TestSmtpServer Smtp { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}
