using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Signing;

public sealed class ThanksModel : PageModel, IPageMetadata
{
    public string PageTitle => "Bitte bestätigen Sie Ihre E-Mail-Adresse";

    public bool NoIndex => true;
}
