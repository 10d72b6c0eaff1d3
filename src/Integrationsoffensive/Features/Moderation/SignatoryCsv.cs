using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Integrationsoffensive.Features.Signatories;
using Integrationsoffensive.Features.Signing;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>One row of an import file with its validation result, as the preview shows it.</summary>
public sealed record ImportRow(int Line, PublicFieldsInput Fields, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reading and writing signatory lists with CsvHelper. Import columns (German headers, ";" or ","):
/// Name, Art, Ort, Region, Website, Kurzbegründung. Art and Region accept the label or the code.
/// Exported cells that a spreadsheet would run as a formula (= + - @) are escaped.
/// </summary>
public static class SignatoryCsv
{
    public const int MaxRows = 2000;

    private static readonly CsvConfiguration ReadConfiguration = new(CultureInfo.GetCultureInfo("de-DE"))
    {
        DetectDelimiter = true,
        DetectDelimiterValues = [";", ",", "\t"],
        TrimOptions = TrimOptions.Trim,
        MissingFieldFound = null,
        HeaderValidated = null,
        BadDataFound = null,
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
    };

    private static readonly CsvConfiguration WriteConfiguration = new(CultureInfo.GetCultureInfo("de-DE"))
    {
        Delimiter = ";",
        InjectionOptions = InjectionOptions.Escape,
    };

    public static IReadOnlyList<ImportRow> Parse(string text, ISet<string> existingNames)
    {
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, ReadConfiguration);
        var rows = new List<ImportRow>();
        if (!csv.Read() || !csv.ReadHeader())
        {
            return rows;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
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
            if (fields.OrganizationName is { } name)
            {
                var normalized = OrganizationNames.Normalize(name);
                if (existingNames.Contains(normalized))
                {
                    errors.Add("Eine Organisation mit diesem Namen ist bereits eingetragen.");
                }
                else if (!seen.Add(normalized))
                {
                    errors.Add("Diese Organisation steht mehrfach in der Datei.");
                }
            }

            rows.Add(new ImportRow(csv.Parser.Row, fields, errors));
        }

        return rows;
    }

    public static string WritePublic(IEnumerable<PublicSignatory> signatories)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, WriteConfiguration);
        foreach (var header in new[] { "Name", "Art", "Ort", "Website", "Kurzbegründung", "Veröffentlicht am" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var s in signatories)
        {
            csv.WriteField(s.Name);
            csv.WriteField(s.TypeLabel);
            csv.WriteField(s.Place);
            csv.WriteField(s.Website ?? "");
            csv.WriteField(s.Statement ?? "");
            csv.WriteField(s.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }

        return writer.ToString();
    }

    public static string WriteContacts(IEnumerable<Application> applications)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, WriteConfiguration);
        foreach (var header in new[] { "Nr.", "Name", "Status", "Ort", "Region", "Ansprechperson", "E-Mail-Adresse", "Telefon" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var a in applications)
        {
            csv.WriteField(a.Id);
            csv.WriteField(a.OrganizationName);
            csv.WriteField(StatusFilter.LabelOf(a.Status));
            csv.WriteField(a.Place);
            csv.WriteField(Regions.LabelOf(a.Region));
            csv.WriteField(a.ContactName ?? "");
            csv.WriteField(a.Email ?? "");
            csv.WriteField(a.Phone ?? "");
            csv.NextRecord();
        }

        return writer.ToString();
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
