using Microsoft.AspNetCore.Mvc.Filters;

namespace Integrationsoffensive.Features.Shared;

/// <summary>
/// Pages with a secret token in their address (confirmation, withdrawal, invitation) must not pass
/// it on: no referrer to linked sites, never stored by any cache, never indexed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class TokenPageAttribute : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = PrivatePageAttribute.NeverStored;
        headers["X-Robots-Tag"] = "noindex, nofollow";
    }
}
