using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Signatories;

public sealed class OpenDataTests : IAsyncLifetime, IDisposable
{
    private const string Hostile = "<b>\"Böse\" & Co.</b> =CMD()";
    private readonly SiteFactory _site = new();

    public async Task InitializeAsync()
    {
        await _site.PublishedAsync(new ApplicationDetails(new PublicFields("Café Zuflucht", "kultur-sport", "Gießen", "giessen", "https://cafe.example", "Für alle."), "Privat Person", "privat@kontakt.example", "0170 9999999"));
        await _site.PublishedAsync(new ApplicationDetails(new PublicFields(Hostile, "sonstige", "Kassel", "kassel-stadt", null, null), "Noch Jemand", "noch@kontakt.example", "0170 8888888"));
        await _site.ConfirmedAsync(new ApplicationDetails(new PublicFields("Wartet Noch e. V.", "sonstige", "Fulda", "fulda", null, null), "Warte Person", "warte@kontakt.example", null));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Csv_IsUtf8WithBom_AsAnAttachment_AndEscapesFormulas()
    {
        var response = await _site.CreatePlainClient().GetAsync("/unterzeichnende.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes[3..]);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("unterzeichnende.csv", response.Content.Headers.ContentDisposition!.FileName);
        Assert.StartsWith("Name;Art;Ort;Region;Website;Kurzbegründung;Veröffentlicht am;Erstunterzeichnend", text);
        Assert.Contains("Café Zuflucht;Kultur / Sport;Gießen;Landkreis Gießen;https://cafe.example/;Für alle.;2026-11-25;nein", text);
        Assert.Contains("\"<b>\"\"Böse\"\" & Co.</b> =CMD()\"", text);
    }

    [Theory]
    [InlineData("/unterzeichnende.json")]
    [InlineData("/unterzeichnende.csv")]
    public async Task Exports_AreWrittenAsTheRowsAreRead_NotBuiltInMemoryFirst(string path)
    {
        // A document built in memory first goes out with its length; one written row by row does not.
        using var response = await _site.CreatePlainClient().GetAsync(path, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Json_ParsesWithTheDocumentedFields()
    {
        var response = await _site.CreatePlainClient().GetAsync("/unterzeichnende.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(13, root.GetProperty("anzahl").GetInt32());
        Assert.Equal(11, root.GetProperty("erstunterzeichnende").GetArrayLength());
        var cafe = root.GetProperty("unterzeichnende").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Café Zuflucht");
        Assert.Equal(["name", "erstunterzeichnend", "art", "ort", "region", "website", "kurzbegruendung", "veroeffentlicht", "fruehereFassung"], cafe.EnumerateObject().Select(p => p.Name));
        Assert.False(cafe.GetProperty("erstunterzeichnend").GetBoolean());
        Assert.Equal("Landkreis Gießen", cafe.GetProperty("region").GetString());
        Assert.Equal("2026-11-25", cafe.GetProperty("veroeffentlicht").GetString());
        Assert.Contains(root.GetProperty("unterzeichnende").EnumerateArray(), e => e.GetProperty("name").GetString() == Hostile);
    }

    [Fact]
    public async Task Csv_HasTheFoundersFirst_Marked_SoItHasAsManyRowsAsTheCounterCounts()
    {
        var lines = (await _site.CreatePlainClient().GetStringAsync("/unterzeichnende.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var counter = await _site.CreatePlainClient().GetStringAsync("/zaehler.svg");

        Assert.Equal(1 + 13, lines.Length);
        Assert.Contains("13 Organisationen", counter);
        Assert.Equal("Diakonie Hessen;;;hessenweit;;;;ja;", lines[1]);
        Assert.Equal(11, lines.Count(l => l.EndsWith(";ja;", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Json_ListsEveryoneTheCounterCounts_FoundersMarked()
    {
        using var json = JsonDocument.Parse(await _site.CreatePlainClient().GetStringAsync("/unterzeichnende.json"));
        var all = json.RootElement.GetProperty("unterzeichnende").EnumerateArray().ToList();

        Assert.Equal(json.RootElement.GetProperty("anzahl").GetInt32(), all.Count);
        var founder = all[0];
        Assert.Equal("Diakonie Hessen", founder.GetProperty("name").GetString());
        Assert.True(founder.GetProperty("erstunterzeichnend").GetBoolean());
        Assert.Equal("hessenweit", founder.GetProperty("region").GetString());
        Assert.Equal(JsonValueKind.Null, founder.GetProperty("veroeffentlicht").ValueKind);
        Assert.Equal(11, all.Count(e => e.GetProperty("erstunterzeichnend").GetBoolean()));
    }

    [Fact]
    public async Task Atom_ParsesAsXml_WithOneEntryPerPublishedCoSigner()
    {
        var response = await _site.CreatePlainClient().GetAsync("/feed.atom");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(atom + "feed", feed.Root!.Name);
        Assert.Equal(SiteFactory.PublicBaseUrl + "/feed.atom", feed.Root.Element(atom + "id")!.Value);
        var entries = feed.Root.Elements(atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e.Element(atom + "title")!.Value == Hostile + " (Kassel) hat mitgezeichnet");
        Assert.All(entries, e => Assert.StartsWith("tag:aufruf.example,2026:mitzeichnung-", e.Element(atom + "id")!.Value));
        Assert.All(entries, e => Assert.Equal("2026-11-25T09:00:00Z", e.Element(atom + "published")!.Value));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/unterzeichnende")]
    [InlineData("/unterzeichnende?sortierung=neu")]
    [InlineData("/unterzeichnende.csv")]
    [InlineData("/unterzeichnende.json")]
    [InlineData("/feed.atom")]
    [InlineData("/zaehler")]
    [InlineData("/zaehler.svg")]
    public async Task NoPrivateFieldOrUnpublishedEntry_AppearsOnAnyPublicPage(string path)
    {
        var response = await _site.CreatePlainClient().GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var secret in new[] { "privat@kontakt.example", "Privat Person", "0170 9999999", "noch@kontakt.example", "Wartet Noch" })
        {
            Assert.DoesNotContain(secret, text);
        }
    }

    [Fact]
    public async Task HostileName_IsEscapedInHtml()
    {
        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/unterzeichnende");

        Assert.Empty(page.QuerySelectorAll("main .signatory__name b"));
        Assert.Contains(page.QuerySelectorAll(".signatory__name"), e => e.Text() == Hostile.Replace("  ", " ", StringComparison.Ordinal));
    }
}
