using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Signing;

public sealed class WithdrawnModel : PageModel, IPageMetadata
{
    public string PageTitle => "Mitzeichnung zurückgezogen";

    public bool NoIndex => true;
}
