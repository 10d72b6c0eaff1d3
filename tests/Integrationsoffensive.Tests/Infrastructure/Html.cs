using AngleSharp;
using AngleSharp.Html.Dom;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Reads responses as a browser would: parsed HTML to query with CSS selectors.</summary>
public static class Html
{

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await response.ReadDocumentAsync());
    }

    /// <summary>Follows a Post/Redirect/Get redirect as a browser would and reads the page it leads to.</summary>
    public static async Task<IHtmlDocument> FollowAsync(this HttpClient client, HttpResponseMessage redirect)
    {
        Assert.True(redirect.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)redirect.StatusCode}");
        var (_, page) = await client.GetPageAsync(redirect.Headers.Location!.OriginalString);
        return page;
    }

    /// <summary>The response parsed with its address, so forms without an action post back to it.</summary>
    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var address = response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/";
        var document = await BrowsingContext.New().OpenAsync(request => request.Content(html).Address(address));
        return (IHtmlDocument)document;
    }

    /// <summary>The visible text of an element with white space folded, as a reader would see it.</summary>
    public static string Text(this AngleSharp.Dom.IElement element) =>
        string.Join(' ', element.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
