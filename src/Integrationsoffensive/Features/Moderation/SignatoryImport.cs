using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>
/// One row of an import file with its validation result, as the preview shows it. A valid row that
/// names a known organization carries the <see cref="Duplicate"/> and is skipped unless the
/// moderator ticks it.
/// </summary>
public sealed record ImportRow(int Line, PublicFieldsInput Fields, IReadOnlyList<string> Errors, DuplicateMatch? Duplicate = null)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Imported when the moderator confirms, unless it is a duplicate they did not tick.</summary>
    public bool IsImported(IReadOnlyCollection<int> includedDuplicates) => IsValid && (Duplicate is null || includedDuplicates.Contains(Line));
}

/// <summary>
/// Reads a list of signatories with CsvHelper. Columns (German headers, ";" or "," or tab):
/// Name, Art, Ort, Region, Website, Kurzbegründung. Art and Region accept the label or the code.
/// Rows that are already on the list, or twice in the file, are marked (see <see cref="DuplicateCheck"/>).
/// </summary>
public static class SignatoryImport
{
    public const int MaxRows = 2000;

    private static readonly CsvConfiguration Configuration = new(CultureInfo.GetCultureInfo("de-DE"))
    {
        DetectDelimiter = true,
        DetectDelimiterValues = [";", ",", "\t"],
        TrimOptions = TrimOptions.Trim,
        MissingFieldFound = null,
        HeaderValidated = null,
        BadDataFound = null,
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
    };

    public static IReadOnlyList<ImportRow> Parse(string text, DuplicateIndex known)
    {
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, Configuration);
        var rows = new List<ImportRow>();
        if (!csv.Read() || !csv.ReadHeader())
        {
            return rows;
        }

        while (csv.Read() && rows.Count < MaxRows)
        {
            var fields = new PublicFieldsInput
            {
                OrganizationName = Field(csv, "name", "organisation"),
                OrganizationType = Choose(OrganizationTypes.All, Field(csv, "art")),
                Place = Field(csv, "ort"),
                Region = Choose(Regions.All, Field(csv, "region")),
                Website = Field(csv, "website"),
                Statement = Field(csv, "kurzbegründung", "begründung"),
            };
            fields.Normalize();
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(fields, new ValidationContext(fields), results, validateAllProperties: true);
            var errors = results.Select(r => r.ErrorMessage!).ToList();
            var line = csv.Parser.Row;
            DuplicateMatch? duplicate = null;
            if (errors.Count == 0)
            {
                var publicFields = fields.ToPublicFields();
                duplicate = known.Find(publicFields);
                known.Add(new DuplicateMatch($"Zeile {line}", publicFields.OrganizationName), publicFields);
            }

            rows.Add(new ImportRow(line, fields, errors, duplicate));
        }

        return rows;
    }

    private static string? Field(CsvReader csv, params string[] names)
    {
        foreach (var name in names)
        {
            if (csv.TryGetField<string>(name, out var value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The code for a label or code as people write it ("Kreis Gießen", "giessen").</summary>
    private static string? Choose(IReadOnlyList<Choice> choices, string? value) =>
        value is null ? null
        : choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Label, value, StringComparison.OrdinalIgnoreCase))?.Value ?? value;
}
