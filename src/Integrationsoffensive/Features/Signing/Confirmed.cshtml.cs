using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Signing;

public sealed class ConfirmedModel : PageModel, IPageMetadata
{
    public string PageTitle => "Mitzeichnung bestätigt";

    public bool NoIndex => true;
}
