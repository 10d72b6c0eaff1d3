using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// nginx (Debian's package) in front of the given instances, from the very file compose.yaml uses
/// (deploy/nginx/integrationsoffensive.conf.template) with the addresses filled in, on a free
/// loopback port, with its pid, logs and temporary files in a temporary directory.
/// </summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    private readonly Process _process;

    private NginxBalancer(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public static string? Executable { get; } = ExternalTools.Find("nginx");

    public static string Template => Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "integrationsoffensive.conf.template");

    public int Port { get; }

    public string Directory { get; }

    public Uri BaseAddress => new($"https://127.0.0.1:{Port}");

    /// <summary>A browser's connection handling: its own cookies, no redirects followed, this run's certificate trusted.</summary>
    public HttpClientHandler Handler() => new()
    {
        AllowAutoRedirect = false,
        CookieContainer = new System.Net.CookieContainer(),
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == Certificate.Thumbprint,
    };

    public string ErrorLog => File.Exists(Path.Combine(Directory, "error.log")) ? File.ReadAllText(Path.Combine(Directory, "error.log")) : "";

    /// <summary>The certificate nginx shows (made for this run); clients trust exactly this one.</summary>
    public X509Certificate2 Certificate { get; private set; } = null!;

    /// <summary>Every ${NAME} the shared template asks for.</summary>
    public static IReadOnlySet<string> Placeholders() =>
        System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Template), @"\$\{([A-Z_0-9]+)\}").Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>The shared template with the names compose.yaml sets filled in; a name it lacks fails the test.</summary>
    public static string Render(IReadOnlyDictionary<string, string> values) =>
        Placeholders().SetEquals(values.Keys)
            ? values.Aggregate(File.ReadAllText(Template), (text, value) => text.Replace("${" + value.Key + "}", value.Value, StringComparison.Ordinal))
            : throw new InvalidOperationException("The template asks for " + string.Join(", ", Placeholders()) + ", the test gives " + string.Join(", ", values.Keys));

    public static async Task<NginxBalancer> StartAsync(string app1, string app2, int port)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("integrationsoffensive-nginx-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111); // workers may run as nobody
        }

        var certificate = SelfSignedCertificate(directory);
        File.WriteAllText(Path.Combine(directory, "site.conf"), Render(new Dictionary<string, string>
        {
            ["APP_1"] = app1,
            ["APP_2"] = app2,
            ["LISTEN"] = $"127.0.0.1:{port}",
            ["LISTEN_HTTP"] = $"127.0.0.1:{ExternalTools.FreePort()}",
            ["TLS_CERTIFICATE"] = Path.Combine(directory, "cert.pem"),
            ["TLS_KEY"] = Path.Combine(directory, "key.pem"),
        }));
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              include {{directory}}/site.conf;
            }
            """);
        var info = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("nginx is not installed."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-g", "daemon off;" })
        {
            info.ArgumentList.Add(arg);
        }

        var balancer = new NginxBalancer(Process.Start(info)!, port, directory) { Certificate = certificate };
        using var client = new HttpClient(balancer.Handler()) { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.UntilAsync(
            async () =>
            {
                if (balancer._process.HasExited)
                {
                    throw new InvalidOperationException("nginx exited at start: " + await balancer._process.StandardError.ReadToEndAsync() + balancer.ErrorLog);
                }

                try
                {
                    return (await client.GetAsync(new Uri(balancer.BaseAddress, "/healthz"))).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "nginx to answer on port " + port);
        return balancer;
    }

    private static X509Certificate2 SelfSignedCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
