using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// The antiforgery check of a long form, in place of the framework's (the page carries
/// <see cref="IgnoreAntiforgeryTokenAttribute"/>), at the framework's place: after the page's
/// request size and form limits are set. A post that fails it is refused with 400 as before — a
/// forged post, a scanner's, a form that cannot be read (413 when it is larger than the page takes)
/// — unless it looks like the site's own form whose cookie is gone (the page was open for hours,
/// the browser was restarted or takes no cookies): it carries the token field and comes from the
/// site itself as far as the browser says (<c>Sec-Fetch-Site</c>, else <c>Origin</c>). That one goes
/// on to the page, which sees <see cref="Failed"/>, stores nothing and shows the form again with
/// everything typed. Another site's post is never shown as a filled-in form of this one.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormCookieCheckAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    private static readonly object FailedKey = new();

    /// <summary>Where the framework's check runs: after the page's request size and form limits are set.</summary>
    public int Order => 1000;

    public static bool Failed(HttpContext http) => http.Items.ContainsKey(FailedKey);

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return; // as the framework: only requests that could change something are checked
        }

        var services = http.RequestServices;
        try
        {
            if (await services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                return;
            }
        }
        catch (AntiforgeryValidationException)
        {
            // A form that cannot be read: malformed (400), or larger than the page takes, said as such (413).
            var limit = context.ActionDescriptor.EndpointMetadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault()?.MaxRequestBodySize
                ?? http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            context.Result = http.Request.ContentLength > limit ? new StatusCodeResult(StatusCodes.Status413PayloadTooLarge) : new BadRequestResult();
            return;
        }

        if (FromThisSite(http.Request, services.GetRequiredService<IOptions<SiteOptions>>().Value)
            && await CarriesTokenFieldAsync(http, services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName))
        {
            http.Items[FailedKey] = true;
            return;
        }

        context.Result = new BadRequestResult(); // as the framework's check answers: the German 400 page
    }

    /// <summary>
    /// Whether the browser says the post comes from this site. Every current browser sends
    /// <c>Sec-Fetch-Site</c> or <c>Origin</c> with a form's post; a request with neither is no
    /// browser's cross-site post (a program, a test).
    /// </summary>
    private static bool FromThisSite(HttpRequest request, SiteOptions site)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite == "same-origin";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && (SameOrigin(from, $"{request.Scheme}://{request.Host}") || SameOrigin(from, site.PublicBaseUrl));
    }

    private static bool SameOrigin(Uri from, string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && Uri.Compare(from, uri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static async Task<bool> CarriesTokenFieldAsync(HttpContext http, string fieldName)
    {
        if (!http.Request.HasFormContentType)
        {
            return false;
        }

        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return !string.IsNullOrEmpty(form[fieldName]);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            return false; // a form that cannot be read (too large, malformed) is refused, not bound
        }
    }
}
