using System.ComponentModel.DataAnnotations;

namespace Integrationsoffensive.Domain;

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

        // Stored only well-formed: the absolute address as the browser would send it, with quotes,
        // angle brackets, spaces and umlauts percent-encoded. Anything else stays as typed, and the
        // validation says in German what is wrong with it.
        Website = Websites.Normalize(Website);
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
