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

    /// <summary>The public fields as the form showed them (hidden fields): after a conflict they tell what this moderator changed.</summary>
    [BindProperty]
    public PublicFieldsInput Shown { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>After a conflict: the public fields as someone else saved them, shown above the form.</summary>
    public PublicFieldsInput? Current { get; private set; }

    /// <summary>After a conflict: whether this moderator's input replaces what someone else saved in the field.</summary>
    public bool Differs(string field)
    {
        if (Current is null)
        {
            return false;
        }

        var get = Fields.Single(f => f.Name == field).Get;
        return get(Input) != get(Current);
    }

    private static readonly (string Name, Func<PublicFieldsInput, string?> Get, Action<PublicFieldsInput, string?> Set)[] Fields =
    [
        (nameof(PublicFieldsInput.OrganizationName), f => f.OrganizationName, (f, v) => f.OrganizationName = v),
        (nameof(PublicFieldsInput.OrganizationType), f => f.OrganizationType, (f, v) => f.OrganizationType = v),
        (nameof(PublicFieldsInput.Place), f => f.Place, (f, v) => f.Place = v),
        (nameof(PublicFieldsInput.Region), f => f.Region, (f, v) => f.Region = v),
        (nameof(PublicFieldsInput.Website), f => f.Website, (f, v) => f.Website = v),
        (nameof(PublicFieldsInput.Statement), f => f.Statement, (f, v) => f.Statement = v),
    ];

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
        Shown = PublicFieldsInput.From(application);
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
                var current = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
                if (current is null)
                {
                    return NotFound();
                }

                ShowConflict(current);
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

    /// <summary>
    /// After someone else saved in the meantime: a field this moderator left as shown takes what the
    /// other saved (sent again, the form must not undo it); a field this moderator changed keeps the
    /// input and is marked (<see cref="Differs"/>) where it replaces the other's value. The current
    /// state is shown above the form, which now carries its version.
    /// </summary>
    private void ShowConflict(Application current)
    {
        Show(current);
        Current = PublicFieldsInput.From(current);
        Shown.Normalize();
        foreach (var (_, get, set) in Fields.Where(f => f.Get(Input) == f.Get(Shown)))
        {
            set(Input, get(Current));
        }

        Shown = PublicFieldsInput.From(current);
        ModelState.AddModelError(string.Empty, DetailModel.ConflictMessage);
    }

    private void Show(Application application)
    {
        Id = application.Id;
        Name = application.OrganizationName;
        Version = application.ConcurrencyStamp;
    }
}
