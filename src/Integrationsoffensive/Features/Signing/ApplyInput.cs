using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Integrationsoffensive.Features.Signing;

/// <summary>The fields readers see, as the application form and the moderators' edit page post them.</summary>
public class PublicFieldsInput
{
    [Required(ErrorMessage = "Bitte geben Sie den Namen der Organisation an.")]
    [StringLength(FieldLimits.OrganizationName, ErrorMessage = "Der Name der Organisation darf höchstens {1} Zeichen lang sein.")]
    public string? OrganizationName { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie die Art der Organisation.")]
    [Choice(nameof(OrganizationTypes), ErrorMessage = "Bitte wählen Sie eine Art der Organisation aus der Liste.")]
    public string? OrganizationType { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie den Ort an.")]
    [StringLength(FieldLimits.Place, ErrorMessage = "Der Ort darf höchstens {1} Zeichen lang sein.")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie die Region.")]
    [Choice(nameof(Regions), ErrorMessage = "Bitte wählen Sie eine Region aus der Liste.")]
    public string? Region { get; set; }

    [StringLength(FieldLimits.Website, ErrorMessage = "Die Website-Adresse darf höchstens {1} Zeichen lang sein.")]
    [HttpUrl(ErrorMessage = "Bitte geben Sie die Website als Adresse mit http:// oder https:// an, zum Beispiel https://www.beispiel.de.")]
    public string? Website { get; set; }

    [StringLength(FieldLimits.Statement, ErrorMessage = "Die Kurzbegründung darf höchstens {1} Zeichen lang sein. Bitte kürzen Sie sie.")]
    public string? Statement { get; set; }

    public virtual void Normalize()
    {
        OrganizationName = TextInput.SingleLine(OrganizationName);
        OrganizationType = TextInput.SingleLine(OrganizationType);
        Place = TextInput.SingleLine(Place);
        Region = TextInput.SingleLine(Region);
        Website = TextInput.SingleLine(Website);
        Statement = TextInput.MultiLine(Statement);
        if (Website is not null && !Website.Contains("://", StringComparison.Ordinal) && !Website.Contains(':', StringComparison.Ordinal))
        {
            Website = "https://" + Website; // "www.example.org" is what people type
        }
    }

    public PublicFields ToPublicFields() => new(OrganizationName!, OrganizationType!, Place!, Region!, Website, Statement);

    public static PublicFieldsInput From(Application application) => new()
    {
        OrganizationName = application.OrganizationName,
        OrganizationType = application.OrganizationType,
        Place = application.Place,
        Region = application.Region,
        Website = application.Website,
        Statement = application.Statement,
    };
}

/// <summary>
/// What the application form posts. Bound on its own, never the entity, so that a posted "Status"
/// or any other field does nothing. Normalised first, then validated, with German messages.
/// </summary>
public sealed class ApplyInput : PublicFieldsInput
{
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

    public ApplicationDetails ToDetails() => new(
        OrganizationName!, OrganizationType!, Place!, Region!, Website, Statement, ContactName!, NormalizedEmail(Email!)!, Phone);

    /// <summary>A single plain address as MailKit parses it, lower-cased; null if it is not one.</summary>
    public static string? NormalizedEmail(string value)
    {
        if (!MailboxAddress.TryParse(ParserOptions.Default, value, out var mailbox)
            || mailbox.Address != value
            || !mailbox.Address.Contains('@', StringComparison.Ordinal)
            || mailbox.Address.IndexOf('@', StringComparison.Ordinal) is 0
            || !mailbox.Domain.Contains('.', StringComparison.Ordinal)
            || mailbox.Domain.EndsWith('.'))
        {
            return null;
        }

        return mailbox.Address.ToLowerInvariant();
    }
}
