using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// The whole site in memory over a real SQLite file in a temporary data directory, with its own
/// copy of content/ that a test may edit. Each instance is isolated; dispose deletes everything.
/// With TEST_DATABASE=Postgres every site runs on a PostgreSQL database of its own instead (see
/// <see cref="TestPostgres"/>); <see cref="OnPostgres"/> puts one site on a given database.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "https://aufruf.example";

    private readonly Dictionary<string, string?> _settings = new();
    private System.Net.IPAddress? _remoteAddress;

    public SiteFactory()
        : this(RepositoryPaths.TestContent)
    {
    }

    /// <summary>A site over a copy of the given content folder (the test content by default).</summary>
    protected SiteFactory(string content)
    {
        RootPath = Directory.CreateTempSubdirectory("integrationsoffensive-tests-").FullName;
        RepositoryPaths.CopyDirectory(content, ContentPath);
    }

    public string RootPath { get; }

    public string ContentPath => Path.Combine(RootPath, "content");

    public string DataPath => Path.Combine(RootPath, "data");

    public LogCollector Logs { get; } = new();

    /// <summary>The PostgreSQL database this site runs on; null on SQLite.</summary>
    public string? PostgresDatabase { get; private set; }

    private bool _ownsDatabase;

    /// <summary>Keeps the site's own key ring (in the database) instead of an ephemeral one: for tests of the keys themselves.</summary>
    public bool KeysInDatabase { get; set; }

    /// <summary>Runs this site on the given PostgreSQL database (several sites may share one); call before the first client.</summary>
    public SiteFactory OnPostgres(string database)
    {
        PostgresDatabase = database;
        return this;
    }

    /// <summary>Without the site's periodic services, for tests that run the jobs by hand (<see cref="PeriodicServices"/>).</summary>
    public bool JobsOnlyWhenAsked { get; set; }

    /// <summary>The outbox sends only when the test calls it (<see cref="HandDrivenOutbox"/>).</summary>
    public bool OutboxOnlyWhenAsked { get; set; }

    /// <summary>False keeps the files after disposal, to start a second site on the same data (a restart).</summary>
    public bool DeleteOnDispose { get; set; } = true;

    /// <summary>The site's clock; tests move it forward to expire links or pass the minimum fill time.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public string PickupPath => Path.Combine(DataPath, "mail");

    /// <summary>Overrides a configuration value; call before the first client is created.</summary>
    public SiteFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Every request arrives from this address, e.g. a proxy's or a load balancer's.</summary>
    public SiteFactory ArrivingFrom(string address)
    {
        _remoteAddress = System.Net.IPAddress.Parse(address);
        return this;
    }

    /// <summary>A client that keeps no cookies: each request carries only the headers a test gives it.</summary>
    public HttpClient CreateClientWithoutCookies() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>A client that does not follow redirects, so tests see each answer as it is.</summary>
    public HttpClient CreatePlainClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    public void WriteContent(string relativePath, string text)
    {
        var path = Path.Combine(ContentPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string ReadContent(string relativePath) => File.ReadAllText(Path.Combine(ContentPath, relativePath));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataDirectory", DataPath);
        builder.UseSetting("Content:Path", ContentPath);
        builder.UseSetting("Site:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Email:PollIntervalSeconds", "0.05");
        builder.UseSetting("Email:ModeratorAddresses:0", "moderation@aufruf.example");
        builder.UseSetting("RateLimiting:Enabled", "false");
        // The clock starts at 10:00 in Berlin; the daily digest waits for the tests that ask for it.
        builder.UseSetting("Moderation:DigestHour", "23");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        UsePostgresWhenAsked(builder);

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<Serilog.Core.ILogEventSink>(Logs);
            if (!KeysInDatabase)
            {
                services.AddDataProtection().UseEphemeralDataProtectionProvider();
                if (PostgresDatabase is null)
                {
                    // The framework's call brings back its start-time load, which the site leaves out on SQLite.
                    KeyRingOnFirstUse.RemoveLoadAtStart(services);
                }
            }
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            if (_remoteAddress is { } address)
            {
                services.AddSingleton<IStartupFilter>(new RemoteAddress(address));
            }

            if (JobsOnlyWhenAsked)
            {
                PeriodicServices.LeaveOut(services);
            }

            if (OutboxOnlyWhenAsked)
            {
                HandDrivenOutbox.LeaveOutTheLoop(services);
            }

            ConfigureTestServices(services);
        });
    }

    /// <summary>Replace services at the edge of the system (clock, SMTP) in a subclass.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    // The whole suite on PostgreSQL: one database per data directory, so that a second site started
    // on the first one's data directory (a restart) finds the first one's database too.
    private void UsePostgresWhenAsked(IWebHostBuilder builder)
    {
        if (PostgresDatabase is null && TestPostgres.IsSuiteProvider)
        {
            var dataDirectory = Path.GetFullPath(_settings.GetValueOrDefault("DataDirectory") ?? DataPath);
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDirectory)));
            PostgresDatabase = "io_site_" + hash[..32];
            TestPostgres.EnsureDatabase(PostgresDatabase);
            _ownsDatabase = dataDirectory == Path.GetFullPath(DataPath);
        }

        if (PostgresDatabase is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Postgres", TestPostgres.ConnectionString(PostgresDatabase));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && DeleteOnDispose && _ownsDatabase && PostgresDatabase is not null)
        {
            TestPostgres.DropDatabase(PostgresDatabase);
        }

        if (disposing && DeleteOnDispose)
        {
            try
            {
                Directory.Delete(RootPath, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may hold the file a moment longer; the OS cleans temp folders.
            }
        }
    }

    // Sets the connection's remote address before anything else runs, as a proxy in front would.
    private sealed class RemoteAddress(System.Net.IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
