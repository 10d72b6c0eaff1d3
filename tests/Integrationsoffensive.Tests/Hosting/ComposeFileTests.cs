using Integrationsoffensive.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// compose.yaml runs what the two-instance test proves: nginx from the same template with every
/// name it asks for, two instances of the image on PostgreSQL and Redis, nginx trusted as the proxy.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly YamlNode Root = Load();

    private static readonly YamlMappingNode Services = (YamlMappingNode)Root["services"];

    // With the merge keys (<<: *app) resolved, as compose resolves them.
    private static YamlNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "compose.yaml"));
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());

    [Fact]
    public void Nginx_MountsTheTestedTemplate_AndSetsEveryNameItAsksFor()
    {
        var volumes = ((YamlSequenceNode)Service("nginx")["volumes"]).Select(v => v.ToString()).ToList();

        Assert.Contains("./deploy/nginx/integrationsoffensive.conf.template:/etc/nginx/templates/default.conf.template:ro", volumes);
        Assert.True(NginxBalancer.Placeholders().SetEquals(Environment("nginx").Keys), "nginx's environment and the template's names differ");
    }

    [Fact]
    public void Nginx_LetsThroughEveryFormTheSiteTakes_SoTheSiteAnswersInGerman()
    {
        // A phone photo as logo must reach the site, which gives the form back with its message;
        // refused by nginx first, the person would get nginx's English 413 and lose the form.
        var line = File.ReadLines(NginxBalancer.Template).Select(l => l.Trim()).Single(l => l.StartsWith("client_max_body_size ", StringComparison.Ordinal));
        var value = line["client_max_body_size ".Length..].TrimEnd(';');
        Assert.EndsWith("m", value);
        Assert.True(long.Parse(value[..^1], System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024 > Integrationsoffensive.Features.Signing.ApplyModel.MaxRequestBytes, line);
    }

    [Fact]
    public void TheUpstreams_AreTheTwoAppServices_OnTheImagesPort()
    {
        var nginx = Environment("nginx");
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile"));

        Assert.Contains("ASPNETCORE_URLS=http://+:8080", dockerfile);
        foreach (var upstream in new[] { nginx["APP_1"], nginx["APP_2"] })
        {
            var (host, port) = (upstream.Split(':')[0], upstream.Split(':')[1]);
            Assert.Equal("8080", port);
            Assert.True(Services.Children.ContainsKey(host), $"no service {host}");
        }
    }

    [Theory]
    [InlineData("app1")]
    [InlineData("app2")]
    public void EachInstance_UsesPostgresAndRedis_AndTrustsTheNetworkNginxIsIn(string app)
    {
        var environment = Environment(app);
        var subnet = Root["networks"]["backend"]["ipam"]["config"][0]["subnet"].ToString();

        Assert.Equal("Postgres", environment["Database__Provider"]);
        Assert.Contains("Host=postgres;", environment["ConnectionStrings__Postgres"]);
        Assert.Equal("redis:6379", environment["Redis__Configuration"]);
        Assert.Equal(subnet, environment["ReverseProxy__KnownNetworks__0"]);
        Assert.True(Services.Children.ContainsKey("postgres") && Services.Children.ContainsKey("redis"));
    }
}
