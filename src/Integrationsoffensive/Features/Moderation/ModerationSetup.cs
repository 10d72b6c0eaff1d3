using Integrationsoffensive.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Moderation;

public static class ModerationSetup
{
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(options =>
        {
            // Folder-wide, so a new page in /Moderation cannot be reached without a moderator.
            options.Conventions.AuthorizeFolder("/Moderation", Policies.Moderator);
            options.Conventions.AuthorizeFolder("/Moderation/Admin", Policies.Admin);
            options.Conventions.AuthorizePage("/Accounts/ChangePassword", Policies.Moderator);
            options.Conventions.AddFolderApplicationModelConvention("/Moderation", model => model.Filters.Add(new PrivatePageFilter()));
            options.Conventions.AddFolderApplicationModelConvention("/Accounts", model => model.Filters.Add(new PrivatePageFilter()));
        });
        return services;
    }

    /// <summary>Pages with personal data: never stored by a cache or a search engine.</summary>
    private sealed class PrivatePageFilter : IResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            context.HttpContext.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }
}

/// <summary>Base for moderation pages: not indexed, and the signed-in moderator as the actor of audit entries.</summary>
public abstract class ModerationPageModel : PageModel, Shared.IPageMetadata
{
    public abstract string PageTitle { get; }

    public bool NoIndex => true;

    protected string Actor => User.Identity?.Name ?? "unbekannt";
}
