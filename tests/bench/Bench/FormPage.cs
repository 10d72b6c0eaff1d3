using System.Net;
using System.Text.RegularExpressions;

namespace Integrationsoffensive.Bench;

/// <summary>A browser-like client: its own cookies, no automatic redirects, and reading hidden form fields.</summary>
public static partial class FormPage
{
    public static HttpClient Client(string baseUrl) => new(new HttpClientHandler
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
        UseCookies = true,
        // The two-instance run puts nginx with a certificate made for the run in front, on loopback only.
        ServerCertificateCustomValidationCallback = (request, _, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || request.RequestUri?.IsLoopback == true,
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>The value of a hidden or text input by name, from the first form on the page.</summary>
    public static string Field(string html, string name)
    {
        var input = Regex.Match(html, "<input[^>]*name=\"" + Regex.Escape(name) + "\"[^>]*>", RegexOptions.CultureInvariant);
        var value = ValueAttribute().Match(input.Value);
        return input.Success && value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : throw new InvalidOperationException("no field " + name);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields));

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
