using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>
/// /moderation/antraege/{id}/bearbeiten: correct the public fields before or after publishing.
/// Each changed field is recorded with its old and new value; a stale form changes nothing.
/// </summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock) : ModerationPageModel, IPublicFieldsForm
{
    [BindProperty]
    public PublicFieldsInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>After a conflict: the public fields as someone else saved them, shown beside what was typed.</summary>
    public PublicFieldsInput? Current { get; private set; }

    public override string PageTitle => "Öffentliche Angaben bearbeiten";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
        if (application is null)
        {
            return NotFound();
        }

        Show(application);
        Input = PublicFieldsInput.From(application);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id);
        if (application is null)
        {
            return NotFound();
        }

        Id = id;
        Name = application.OrganizationName;
        Input.Normalize();
        ModelState.Clear();
        if (!TryValidateModel(Input, nameof(Input)))
        {
            return Page();
        }

        try
        {
            if (!await db.TrySaveVersionAsync(application, Version, () => application.Edit(Actor, Input.ToPublicFields(), clock.GetUtcNow().UtcDateTime)))
            {
                // What was typed stays in the form; the current state is shown above it, and the
                // form now carries its version: sent again, it is saved over what the moderator has seen.
                var current = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
                if (current is null)
                {
                    return NotFound();
                }

                Show(current);
                Current = PublicFieldsInput.From(current);
                ModelState.AddModelError(string.Empty, DetailModel.ConflictMessage);
                return Page();
            }
        }
        catch (InvalidTransitionException exception)
        {
            ModelState.AddModelError(string.Empty, exception.Message);
            return Page();
        }

        TempData.SetStatusMessage("Die Änderungen sind gespeichert.");
        return RedirectToPage("Detail", new { id });
    }

    private void Show(Application application)
    {
        Id = application.Id;
        Name = application.OrganizationName;
        Version = application.ConcurrencyStamp;
    }
}
