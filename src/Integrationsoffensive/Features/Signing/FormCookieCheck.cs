using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// The antiforgery check of a long form, in place of the framework's (the page carries
/// <see cref="IgnoreAntiforgeryTokenAttribute"/>). A post that fails it is refused with 400 as
/// before — a scanner's post, a form that cannot be read — unless it is a form the site showed:
/// it carries the site's token field and failed because its cookie is gone (the page was open for
/// hours, the browser was restarted or takes no cookies). That one goes on to the page, which sees
/// <see cref="Failed"/>, stores nothing and shows the form again with everything typed.
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
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
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

        if (await CarriesTokenFieldAsync(http, services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName))
        {
            http.Items[FailedKey] = true;
            return;
        }

        context.Result = new BadRequestResult(); // as the framework's check answers: the German 400 page
    }

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
