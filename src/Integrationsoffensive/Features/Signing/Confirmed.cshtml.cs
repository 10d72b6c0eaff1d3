using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Signing;

public sealed class ConfirmedModel(ShareLinks shareLinks) : PageModel, IPageMetadata
{
    /// <summary>A new co-signer is the best person to spread the word: the page asks them to.</summary>
    public Share Share => shareLinks.For(ShareSubject.CoSigned);

    public string PageTitle => "Mitzeichnung bestätigt";

    public bool NoIndex => true;
}
