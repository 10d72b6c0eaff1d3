using System.Security.Cryptography;
using System.Text;
using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>
/// /moderation/import: upload a CSV, see every row's validation result, then import the valid rows
/// in one transaction. The previewed file travels back protected, so what is imported is exactly
/// what was previewed.
/// </summary>
public sealed class ImportModel(AppDbContext db, ContentStore content, DuplicateCheck duplicates, IDataProtectionProvider protection, TimeProvider clock) : ModerationPageModel
{
    public const int MaxBytes = 1024 * 1024;

    private readonly IDataProtector _protector = protection.CreateProtector("Integrationsoffensive.Moderation.Import");

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Payload { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    /// <summary>The lines of duplicate rows the moderator ticked: they are imported after all.</summary>
    [BindProperty]
    public List<int> Include { get; set; } = [];

    public IReadOnlyList<ImportRow>? Rows { get; private set; }

    /// <summary>The file was not UTF-8 and was read as Windows-1252: the preview says so.</summary>
    public bool ReadAsWindows1252 { get; private set; }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// UTF-8 (or what its byte order mark says); a file that is not valid UTF-8 is what a German
    /// Excel saves as „CSV (Trennzeichen-getrennt)“: Windows-1252. Read as UTF-8 regardless, each
    /// umlaut became „�“ and went onto the public list that way.
    /// </summary>
    internal static (string Text, bool Windows1252) Decode(ReadOnlySpan<byte> span)
    {
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(span[2..]), false);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(span[2..]), false);
        }

        // A UTF-8 mark is skipped here and the rest read strictly: a reader that honours the mark
        // itself reads the rest leniently, and Windows-1252 bytes behind a mark became „�“ unseen.
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return (StrictUtf8.GetString(span), false);
        }
        catch (DecoderFallbackException)
        {
            return (CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(span), true);
        }
    }

    public override string PageTitle => "CSV-Import";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Bitte wählen Sie eine CSV-Datei aus.");
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Die Datei ist größer als 1 MB. Bitte teilen Sie sie auf.");
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, HttpContext.RequestAborted);
        (var text, ReadAsWindows1252) = Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        FileName = Path.GetFileName(Upload.FileName);
        Rows = SignatoryImport.Parse(text, await duplicates.LoadIndexAsync());
        if (Rows.Count == 0)
        {
            ModelState.AddModelError(nameof(Upload), "In der Datei stehen keine Zeilen unter der Kopfzeile.");
            return Page();
        }

        Payload = _protector.Protect(text);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        string text;
        try
        {
            text = _protector.Unprotect(Payload ?? "");
        }
        catch (CryptographicException)
        {
            ModelState.AddModelError(string.Empty, "Die Vorschau ist abgelaufen. Bitte laden Sie die Datei erneut hoch.");
            return Page();
        }

        var parsed = SignatoryImport.Parse(text, await duplicates.LoadIndexAsync());
        var rows = parsed.Where(r => r.IsImported(Include)).ToList();
        if (rows.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Keine Zeile ist zum Importieren ausgewählt.");
            Rows = parsed;
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var appealVersion = AppealContent.CurrentVersion(content);
        var source = "CSV-Import aus „" + TextInput.SingleLine(FileName) + "“";
        foreach (var row in rows)
        {
            var details = new ApplicationDetails(row.Fields.ToPublicFields(), ContactName: null, Email: null, Phone: null);
            db.Applications.Add(Application.AddByModerator(details, appealVersion, Actor, $"{source}, Zeile {row.Line}", row.Duplicate is not null, now));
        }

        db.AuditEntries.Add(new AuditEntry(now, Actor, AuditAction.Imported, $"{rows.Count} Unterzeichnende importiert ({source})"));
        await db.SaveChangesAsync();
        TempData.SetStatusMessage(rows.Count == 1 ? "1 Unterzeichnende*r ist importiert und veröffentlicht." : $"{rows.Count} Unterzeichnende sind importiert und veröffentlicht.");
        return RedirectToPage("Index", new { status = StatusFilter.Published.Slug });
    }
}
