using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Shared;

/// <summary>
/// Base for moderation pages: only moderators (with two-factor sign-in) get in, nothing is cached
/// or indexed, and the signed-in moderator is the actor of audit entries. The authorization sweep
/// test checks every endpoint under /moderation, so a page that forgets this base cannot slip through.
/// </summary>
[Authorize(Policy = Policies.Moderator)]
[PrivatePage]
public abstract class ModerationPageModel : PageModel, Shared.IPageMetadata
{
    public abstract string PageTitle { get; }

    public bool NoIndex => true;

    protected string Actor => User.Identity?.Name ?? "unbekannt";
}

/// <summary>Pages with personal data or sign-in forms: never stored by a cache or a search engine.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PrivatePageAttribute : ResultFilterAttribute
{
    /// <summary>
    /// What the framework's antiforgery writes itself on every page with a form. A value without
    /// „no-cache“ (a bare „no-store“ included) it overwrites with a warning in the log, one per page view.
    /// </summary>
    public const string NeverStored = "no-cache, no-store";

    public override void OnResultExecuting(ResultExecutingContext context)
    {
        context.HttpContext.Response.Headers.CacheControl = NeverStored;
        context.HttpContext.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }
}
