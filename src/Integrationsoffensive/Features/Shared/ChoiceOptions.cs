using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Integrationsoffensive.Features.Shared;

/// <summary>The fixed lists of the domain as options of a select field.</summary>
public static class ChoiceOptions
{
    public static IEnumerable<SelectListItem> Types => OrganizationTypes.All.Select(c => new SelectListItem(c.Label, c.Value));

    public static IEnumerable<SelectListItem> Regions => Domain.Regions.All.Select(c => new SelectListItem(c.Label, c.Value));
}
