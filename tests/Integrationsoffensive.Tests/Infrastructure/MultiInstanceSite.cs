using System.Net;
using MimeKit;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// The set-up of compose.yaml on one machine: one PostgreSQL database, one redis-server, two
/// instances of the built site as processes, nginx in front as the round-robin balancer. Each piece
/// on a free loopback port in a temporary directory; dispose stops them all, also after a failure.
/// </summary>
public sealed class MultiInstanceSite : IAsyncDisposable
{
    private static readonly string[] InstanceNames = ["eins", "zwei"];
    private readonly List<IAsyncDisposable> _parts = [];

    private MultiInstanceSite(string root) => Root = root;

    public string Root { get; }

    public PostgresServer Postgres { get; private set; } = null!;

    public RedisServer Redis { get; private set; } = null!;

    public IReadOnlyList<SiteProcess> Instances { get; private set; } = [];

    public NginxBalancer Balancer { get; private set; } = null!;

    public Dictionary<string, string> Environment { get; } = [];

    public static async Task<MultiInstanceSite> StartAsync()
    {
        var site = new MultiInstanceSite(Directory.CreateTempSubdirectory("integrationsoffensive-multi-").FullName);
        try
        {
            await site.StartPartsAsync();
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    private async Task StartPartsAsync()
    {
        Postgres = await PostgresServer.StartAsync();
        _parts.Add(Postgres);
        Redis = await RedisServer.StartAsync();
        _parts.Add(Redis);
        var balancerPort = ExternalTools.FreePort();
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = Postgres.ConnectionString,
            ["Redis__Configuration"] = Redis.Configuration,
            ["Content__Path"] = RepositoryPaths.TestContent,
            ["Site__PublicBaseUrl"] = $"https://127.0.0.1:{balancerPort}",
            ["Signing__MinimumFillSeconds"] = "0",
            ["RateLimiting__PermitLimit"] = "100000",
            ["Email__PollIntervalSeconds"] = "0.2",
            ["Email__ModeratorAddresses__0"] = "moderation@aufruf.example",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = "0",
        })
        {
            Environment[key] = value;
        }

        // Both at once, as compose starts them: the migrations and the key ring must not race.
        var starting = InstanceNames.Select(name => SiteProcess.StartAsync(Path.Combine(Root, name, "data"), Environment)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            _parts.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }

        var instances = starting.Select(t => t.Result).ToList();
        Instances = instances;
        Balancer = await NginxBalancer.StartAsync(instances[0].Address, instances[1].Address, balancerPort);
        _parts.Add(Balancer);
    }

    /// <summary>A browser behind the balancer: its own cookies, redirects shown as they are.</summary>
    public HttpClient Client() => new(Balancer.Handler())
    {
        BaseAddress = Balancer.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Straight to one instance, past the balancer.</summary>
    public static HttpClient Direct(SiteProcess instance) => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = instance.BaseAddress };

    /// <summary>Every mail both instances have written into their pickup folders.</summary>
    public IReadOnlyList<MimeMessage> Mails() =>
        Instances.Where(i => Directory.Exists(i.PickupPath))
            .SelectMany(i => Directory.EnumerateFiles(i.PickupPath, "*.eml"))
            .Select(path => MimeMessage.Load(path)).ToList();

    public Task<IReadOnlyList<MimeMessage>> WaitForMailsAsync(Func<MimeMessage, bool> predicate, int count = 1) =>
        Eventually.WaitForAsync<IReadOnlyList<MimeMessage>>(
            () => Mails().Where(predicate).ToList(),
            mails => mails.Count >= count,
            mails => $"expected {count} mail(s), found {mails.Count}",
            TimeSpan.FromSeconds(20));

    /// <summary>The site's command line against the same database, e.g. „moderator add …“.</summary>
    public async Task<string> CommandAsync(params string[] args)
    {
        var (exitCode, output) = await AppProcess.RunAsync(args, new Dictionary<string, string>(Environment) { ["DataDirectory"] = Path.Combine(Root, "cli") }, Root);
        Assert.True(exitCode == 0, $"{string.Join(' ', args)} failed ({exitCode}):\n{output}");
        return output;
    }

    /// <summary>What the processes logged, for a failure message.</summary>
    public string Logs() => string.Join("\n----\n", Instances.Select(i => i.Output)) + "\n---- nginx\n" + Balancer?.ErrorLog;

    public async ValueTask DisposeAsync()
    {
        for (var i = _parts.Count - 1; i >= 0; i--)
        {
            try
            {
                await _parts[i].DisposeAsync();
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or Npgsql.NpgsqlException)
            {
                // Stop the rest regardless.
            }
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
