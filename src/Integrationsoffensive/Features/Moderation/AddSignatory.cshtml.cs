using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>/moderation/hinzufuegen: a signatory collected elsewhere, published at once with its source on record.</summary>
public sealed class AddSignatoryModel(AppDbContext db, ContentStore content, DuplicateCheck duplicates, TimeProvider clock) : ModerationPageModel, IPublicFieldsForm
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    PublicFieldsInput IPublicFieldsForm.Input => Input;

    public override string PageTitle => "Unterzeichnende direkt eintragen";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Normalize();
        ModelState.Clear();
        if (!TryValidateModel(Input, nameof(Input)))
        {
            return Page();
        }

        var details = Input.ToDetails();
        var duplicate = await duplicates.FindAsync(details.PublicFields);
        if (duplicate is not null && !Input.AddAnyway)
        {
            ModelState.AddModelError("Input.OrganizationName",
                $"„{duplicate.Name}“ steht schon auf der Liste ({duplicate.Label}). Ist es eine andere Organisation, setzen Sie unten das Häkchen „Trotzdem eintragen“.");
            return Page();
        }

        var application = Application.AddByModerator(details, AppealContent.CurrentVersion(content), Actor, "Quelle: " + Input.Source,
            duplicate is not null, clock.GetUtcNow().UtcDateTime);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return RedirectToPage("Detail", new { id = application.Id });
    }

    public sealed class AddInput : PublicFieldsInput
    {
        [Required(ErrorMessage = "Bitte geben Sie an, woher die Unterschrift stammt.")]
        [StringLength(200, ErrorMessage = "Die Quelle darf höchstens {1} Zeichen lang sein.")]
        public string? Source { get; set; }

        [StringLength(FieldLimits.ContactName, ErrorMessage = "Der Name der Ansprechperson darf höchstens {1} Zeichen lang sein.")]
        public string? ContactName { get; set; }

        [StringLength(FieldLimits.Email, ErrorMessage = "Die E-Mail-Adresse darf höchstens {1} Zeichen lang sein.")]
        [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.")]
        public string? Email { get; set; }

        [StringLength(FieldLimits.Phone, ErrorMessage = "Die Telefonnummer darf höchstens {1} Zeichen lang sein.")]
        public string? Phone { get; set; }

        /// <summary>The moderator checked that a name or website already on the list is a different organization.</summary>
        public bool AddAnyway { get; set; }

        public override void Normalize()
        {
            base.Normalize();
            Source = TextInput.SingleLine(Source);
            ContactName = TextInput.SingleLine(ContactName);
            Email = TextInput.SingleLine(Email);
            Phone = TextInput.SingleLine(Phone);
        }

        public ApplicationDetails ToDetails() => new(ToPublicFields(), ContactName, Email is null ? null : EmailAddress.Normalize(Email), Phone);
    }
}
