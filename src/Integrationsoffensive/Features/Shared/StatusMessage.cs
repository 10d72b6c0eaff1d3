using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Integrationsoffensive.Features.Shared;

/// <summary>
/// The one way to tell someone what their POST did: the handler stores a sentence in TempData and
/// redirects (Post/Redirect/Get), the layout shows it once on the next page. A refresh repeats
/// nothing.
/// </summary>
public static class StatusMessage
{
    public const string Key = "status";

    /// <summary>The TempData cookie; it exists only between a POST and the page after its redirect.</summary>
    public const string CookieName = "hinweis";

    public static void SetStatusMessage(this ITempDataDictionary tempData, string message) => tempData[Key] = message;

    /// <summary>
    /// The message for this page, if a POST left one. TempData is not touched without its cookie:
    /// reading it would answer with a Set-Cookie, and public pages must set none (and stay cacheable).
    /// </summary>
    public static string? TakeStatusMessage(this ViewContext view) =>
        view.HttpContext.Request.Cookies.ContainsKey(CookieName) ? view.TempData[Key] as string : null;
}
