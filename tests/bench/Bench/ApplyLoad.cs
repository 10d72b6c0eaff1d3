using System.Diagnostics;

namespace Integrationsoffensive.Bench;

/// <summary>
/// Many organizations applying at once: each client fetches the form (its own antiforgery pair and
/// form stamp), then posts a valid, distinct application, again and again for a fixed time.
/// </summary>
public static class ApplyLoad
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Text("url");
        var clients = options.Number("clients", 16);
        var seconds = options.Seconds("seconds", 10);
        var latencies = new Latencies();
        var accepted = 0;
        var errors = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            using var http = FormPage.Client(url);
            for (var n = 0; until.Elapsed.TotalSeconds < seconds; n++)
            {
                try
                {
                    var form = await http.GetStringAsync("/mitzeichnen");
                    var watch = Stopwatch.StartNew();
                    var answer = await FormPage.PostAsync(http, "/mitzeichnen", Fields(form, $"{run}-{client}-{n}"));
                    latencies.Add(watch.Elapsed);
                    if (answer.StatusCode == System.Net.HttpStatusCode.Redirect && answer.Headers.Location?.OriginalString == "/mitzeichnen/danke")
                    {
                        Interlocked.Increment(ref accepted);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));

        var elapsed = until.Elapsed.TotalSeconds;
        Latencies.Report(new
        {
            clients,
            accepted,
            perSecond = Math.Round(accepted / elapsed, 1),
            p50 = Latencies.Ms(latencies.Percentile(0.5)),
            p99 = Latencies.Ms(latencies.Percentile(0.99)),
            errors,
        });
        return 0;
    }

    private static Dictionary<string, string> Fields(string form, string id) => new()
    {
        ["__RequestVerificationToken"] = FormPage.Field(form, "__RequestVerificationToken"),
        ["Started"] = FormPage.Field(form, "Started"),
        ["url"] = "",
        ["Input.OrganizationName"] = $"Lastverein {id} e. V.",
        ["Input.OrganizationType"] = "sonstige",
        ["Input.Place"] = "Kassel",
        ["Input.Region"] = "kassel-stadt",
        ["Input.Website"] = "",
        ["Input.Statement"] = "Wir unterstützen den Aufruf.",
        ["Input.ContactName"] = "Lena Last",
        ["Input.Email"] = $"last-{id}@beispiel.example",
        ["Input.Phone"] = "",
        ["Input.Consent"] = "true",
        ["Input.Authorized"] = "true",
    };
}
