using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>
/// /teilen/mastodon: Mastodon has no one address to share to, so this page asks for the reader's
/// instance (a GET form, no script, no cookie) and sends the reader to that instance's share form.
/// Only a host name is accepted, and only the texts of <see cref="ShareLinks"/> are ever shared.
/// </summary>
public sealed class MastodonModel(ShareLinks shareLinks) : PageModel, IPageMetadata
{
    public string PageTitle => "Auf Mastodon teilen";

    public bool NoIndex => true;

    public string Subject { get; private set; } = ShareLinks.Key(ShareSubject.Appeal);

    public string? Instance { get; private set; }

    public IActionResult OnGet(string? inhalt, string? instanz)
    {
        if (ShareLinks.FromKey(inhalt) is not { } subject)
        {
            return NotFound();
        }

        Subject = ShareLinks.Key(subject);
        Instance = instanz;
        // The form sends the reader on to another site: this page's own policy allows that target.
        Response.Headers.ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' https:", StringComparison.Ordinal);
        if (instanz is null)
        {
            return Page();
        }

        if (MastodonInstance.HostOf(instanz) is not { } host)
        {
            ModelState.AddModelError("instanz", "Bitte geben Sie die Adresse Ihrer Mastodon-Instanz an, zum Beispiel „mastodon.social“.");
            return Page();
        }

        return Redirect(ShareLinks.MastodonShare(host, shareLinks.For(subject)));
    }
}
