using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Moderation;

/// <summary>The CSV import: a preview of every row first, duplicates marked and skipped unless ticked.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private static Task<IHtmlDocument> PreviewAsync(HttpClient client, string csv) => PreviewAsync(client, Encoding.UTF8.GetBytes(csv));

    private static async Task<IHtmlDocument> PreviewAsync(HttpClient client, byte[] csv)
    {
        var (_, upload) = await client.GetPageAsync("/moderation/import");
        var token = upload.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(csv), "Upload", "liste.csv" },
        };
        return await (await client.PostAsync("/moderation/import?handler=Preview", content)).ReadDocumentAsync();
    }

    private static List<string> Results(IHtmlDocument preview) =>
        preview.QuerySelectorAll("table.import-preview tbody tr").Select(r => r.Text()).ToList();

    private Task<List<string>> ImportedAsync() =>
        _site.WithDbAsync(db => db.Applications.Where(a => a.AddedByModerator).OrderBy(a => a.Id).Select(a => a.OrganizationName).ToListAsync());

    [Fact]
    public async Task Import_ShowsEachRowsResultFirst_ThenImportsOnlyTheGoodRows()
    {
        var known = await _site.PublishedAsync(Applications.Details(name: "Schon Dabei e. V."));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var preview = await PreviewAsync(client, """
            Name;Art;Ort;Region;Website;Kurzbegründung
            Café International;Kultur / Sport;Kassel;Kassel (kreisfreie Stadt);https://cafe.example;Weil Vielfalt gut tut.
            Jugendmigrationsdienst;bildung;Hanau;main-kinzig-kreis;;
            ;Gewerkschaft;Wiesbaden;wiesbaden;;
            Schlechte Website;Sonstige;Fulda;Landkreis Fulda;javascript:alert(1);
            schon dabei e.V.;Sonstige;Gießen;Landkreis Gießen;;
            Unbekannte Region;Sonstige;Berlin;Brandenburg;;
            """);

        var rows = Results(preview);
        Assert.Equal(6, rows.Count);
        Assert.Contains("wird importiert", rows[0]);
        Assert.Contains("wird importiert", rows[1]);
        Assert.Contains("Bitte geben Sie den Namen der Organisation an.", rows[2]);
        Assert.Contains("http:// oder https://", rows[3]);
        Assert.Contains($"Doppelt: Nr. {known.Id} („Schon Dabei e. V.“)", rows[4]);
        Assert.Equal($"/moderation/antraege/{known.Id}", preview.QuerySelectorAll("table.import-preview tbody tr")[4].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Region aus der Liste", rows[5]);
        Assert.Equal(1, await _site.WithDbAsync(db => db.Applications.CountAsync()));

        var imported = await client.SubmitAsync(preview, "form[action*='handler=Import']", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var names = await _site.WithDbAsync(db => db.Applications.Where(a => a.AddedByModerator).Select(a => a.OrganizationName + "|" + a.Region).ToListAsync());
        Assert.Equal(["Café International|kassel-stadt", "Jugendmigrationsdienst|main-kinzig-kreis"], names.Order());
        Assert.Contains(await _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync()),
            e => e.Action == AuditAction.Imported && e.Details.StartsWith("2 Unterzeichnende importiert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFileSavedByGermanExcel_IsReadWithItsUmlauts_AndTheModeratorIsTold()
    {
        // „CSV (Trennzeichen-getrennt)“ in a German Excel writes Windows-1252, not UTF-8: read as
        // UTF-8, every umlaut became „�“ and went onto the public list that way.
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var preview = await PreviewAsync(client, windows1252.GetBytes("Name;Art;Ort;Region;Website;Kurzbegründung\r\nVerein Überall Süd – „Gießen hilft“;Sonstige;Gießen;Landkreis Gießen;;Weil es nötig ist.\r\n"));

        Assert.Contains("Windows-1252", preview.QuerySelector(".import-encoding")!.TextContent);
        Assert.Contains("Verein Überall Süd – „Gießen hilft“", Results(preview)[0]);
        Assert.DoesNotContain("\uFFFD", preview.QuerySelector("table.import-preview")!.TextContent);

        await client.SubmitAsync(preview, "form[action*='handler=Import']", new Dictionary<string, string?>());

        var stored = await _site.WithDbAsync(db => db.Applications.Where(a => a.AddedByModerator).SingleAsync());
        Assert.Equal(("Verein Überall Süd – „Gießen hilft“", "Gießen", "Weil es nötig ist."), (stored.OrganizationName, stored.Place, stored.Statement));
    }

    [Fact]
    public async Task AFileWithAUtf8MarkButOtherBytes_IsNotReadWithReplacementCharacters()
    {
        // A byte order mark used to switch the strict reading off: the Windows-1252 bytes behind it
        // became „�“ without a notice.
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        byte[] file = [0xEF, 0xBB, 0xBF, .. windows1252.GetBytes("Name;Art;Ort;Region\r\nVerein Überall Süd;Sonstige;Gießen;Landkreis Gießen\r\n")];

        var preview = await PreviewAsync(client, file);

        Assert.Contains("Verein Überall Süd", Results(preview)[0]);
        Assert.NotNull(preview.QuerySelector(".import-encoding"));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public async Task AFileWithItsByteOrderMark_IsReadInItsEncoding_WithoutANotice(string encoding)
    {
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var chosen = Encoding.GetEncoding(encoding);
        byte[] file = [.. chosen.GetPreamble(), .. chosen.GetBytes("Name;Art;Ort;Region\nVerein Überall Süd;Sonstige;Gießen;Landkreis Gießen\n")];

        var preview = await PreviewAsync(client, file);

        Assert.Null(preview.QuerySelector(".import-encoding"));
        Assert.Contains("Verein Überall Süd", Results(preview)[0]);
    }

    [Fact]
    public async Task AFileInUtf8_IsReadAsUtf8_WithoutANotice()
    {
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var preview = await PreviewAsync(client, "Name;Art;Ort;Region\nVerein Überall Süd;Sonstige;Gießen;Landkreis Gießen\n");

        Assert.Null(preview.QuerySelector(".import-encoding"));
        Assert.Contains("Verein Überall Süd", Results(preview)[0]);
    }

    [Fact]
    public async Task Founders_SimilarNamesAndRowsTwiceInTheFile_AreSkippedByDefault_AndPublicCountStaysRight()
    {
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var preview = await PreviewAsync(client, """
            Name;Art;Ort;Region
            Diakonie Hessen e. V.;Wohlfahrtsverband;Frankfurt am Main;hessenweit
            Hessischer Flüchtlingsrta;Flüchtlingsinitiative / Beratungsstelle;Frankfurt am Main;hessenweit
            Neue Initiative Marburg;Sonstige;Marburg;marburg-biedenkopf
            Neue Initiative Marbrug;Sonstige;Marburg;marburg-biedenkopf
            """);

        var rows = Results(preview);
        Assert.Contains("Doppelt: Erstunterzeichnende („Diakonie Hessen“)", rows[0]);
        Assert.Contains("Doppelt: Erstunterzeichnende („Hessischer Flüchtlingsrat“)", rows[1]);
        Assert.Contains("wird importiert", rows[2]);
        Assert.Contains("Doppelt: Zeile 4 („Neue Initiative Marburg“)", rows[3]);
        Assert.All(preview.QuerySelectorAll("input[name=Include]"), box => Assert.False(((IHtmlInputElement)box).IsChecked));

        await client.SubmitAsync(preview, "form[action*='handler=Import']", new Dictionary<string, string?>());

        Assert.Equal(["Neue Initiative Marburg"], await ImportedAsync());
        var (_, list) = await _site.CreatePlainClient().GetPageAsync("/unterzeichnende");
        Assert.Contains("12 Organisationen", list.QuerySelector(".lead")!.Text()); // 11 founders and one new, no double
    }

    [Fact]
    public async Task ADuplicateTheModeratorTicks_IsImportedAfterAll_MarkedAsPossibleDuplicate()
    {
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var preview = await PreviewAsync(client, "Name;Art;Ort;Region\nAWO Kreisverband Fulda;Wohlfahrtsverband;Fulda;fulda\nAWO Ortsverein Fulda-Nord;Wohlfahrtsverband;Fulda;fulda\n");
        Assert.Contains("Doppelt: Erstunterzeichnende", Results(preview)[0]);

        await client.SubmitAsync(preview, "form[action*='handler=Import']", new Dictionary<string, string?> { ["Include"] = "true" });

        Assert.Equal(["AWO Kreisverband Fulda", "AWO Ortsverein Fulda-Nord"], await ImportedAsync());
        Assert.True(await _site.WithDbAsync(db => db.Applications.Where(a => a.OrganizationName == "AWO Kreisverband Fulda").Select(a => a.IsPossibleDuplicate).SingleAsync()));
    }

    [Fact]
    public async Task Import_WithATamperedPreview_ImportsNothing()
    {
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, page) = await client.GetPageAsync("/moderation/import");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/moderation/import?handler=Import", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Payload", "Name;Art\nBöse;Sonstige")]));

        Assert.Contains("Vorschau ist abgelaufen", (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(0, await _site.WithDbAsync(db => db.Applications.CountAsync()));
    }
}
