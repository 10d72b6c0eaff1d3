using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Reads responses as a browser would: parsed HTML to query with CSS selectors.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await response.ReadDocumentAsync());
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The visible text of an element with white space folded, as a reader would see it.</summary>
    public static string Text(this AngleSharp.Dom.IElement element) =>
        string.Join(' ', element.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
