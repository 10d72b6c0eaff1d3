namespace Integrationsoffensive.Cli;

/// <summary>
/// <c>healthcheck [url]</c>: asks the running site for /healthz and exits 0 when it is healthy.
/// The container's HEALTHCHECK uses it, because the runtime image has neither curl nor wget.
/// </summary>
public static class HealthCheckCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080/healthz";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args is [var given, ..] ? given : DefaultUrl;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"{url}: {exception.Message}");
            return 1;
        }
    }
}
