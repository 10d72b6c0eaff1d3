using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// What the application form posts. Bound on its own, never the entity, so that a posted "Status"
/// or any other field does nothing. Normalised first, then validated, with German messages.
/// </summary>
public sealed class ApplyInput : PublicFieldsInput
{
    /// <summary>Optional: PNG or JPEG, checked and re-encoded by <see cref="LogoFile"/>. Declared first: it follows the public fields on the form.</summary>
    public IFormFile? Logo { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie eine Ansprechperson an.")]
    [StringLength(FieldLimits.ContactName, ErrorMessage = "Der Name der Ansprechperson darf höchstens {1} Zeichen lang sein.")]
    public string? ContactName { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie eine E-Mail-Adresse an.")]
    [StringLength(FieldLimits.Email, ErrorMessage = "Die E-Mail-Adresse darf höchstens {1} Zeichen lang sein.")]
    [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.")]
    public string? Email { get; set; }

    [StringLength(FieldLimits.Phone, ErrorMessage = "Die Telefonnummer darf höchstens {1} Zeichen lang sein.")]
    public string? Phone { get; set; }

    [MustBeTicked(ErrorMessage = "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")]
    public bool Consent { get; set; }

    [MustBeTicked(ErrorMessage = "Bitte bestätigen Sie, dass Sie für die Organisation unterzeichnen dürfen.")]
    public bool Authorized { get; set; }

    public override void Normalize()
    {
        base.Normalize();
        ContactName = TextInput.SingleLine(ContactName);
        Email = TextInput.SingleLine(Email);
        Phone = TextInput.SingleLine(Phone);
    }

    public ApplicationDetails ToDetails() => new(ToPublicFields(), ContactName!, EmailAddress.Normalize(Email!)!, Phone);
}
