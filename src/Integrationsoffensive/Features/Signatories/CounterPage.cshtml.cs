using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>/zaehler: the counter for an iframe on partner sites; this page alone may be framed.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class CounterPageModel(AppDbContext db, ContentStore content) : PageModel
{
    public int Count { get; private set; }

    public async Task OnGetAsync()
    {
        Count = await Counter.CountAsync(db, content);
        Response.Headers.ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors *", StringComparison.Ordinal);
    }
}
