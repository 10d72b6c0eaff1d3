using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>
/// The list as open data: CSV (for spreadsheets), JSON (for programs), Atom (for feed readers).
/// Public fields only, each with its date of publication.
/// </summary>
public static class OpenData
{
    public const int FeedEntries = 50;

    // Route names, so pages link to the files with asp-route instead of a written path.
    public const string CsvRoute = "OpenData.Csv";
    public const string JsonRoute = "OpenData.Json";
    public const string AtomRoute = "OpenData.Atom";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void MapOpenData(this WebApplication app)
    {
        app.MapMethods("/unterzeichnende.csv", FileMethods.GetAndHead, async (AppDbContext db, ContentStore content, HttpContext http) =>
        {
            http.Response.Headers.ETag = await PublicCache.ETagAsync(db, content, "csv");
            // Founders first, marked, then every co-signer: as many rows as the counter counts.
            return CsvFile.Download("unterzeichnende.csv", PublishedSignatories.EveryoneAsync(db, AppealContent.Founders(content)), SignatoryColumns.Public(AppealContent.CurrentVersion(content)));
        }).CacheOutput(PublicCache.Policy).WithName(CsvRoute);

        app.MapMethods("/unterzeichnende.json", FileMethods.GetAndHead, async (AppDbContext db, ContentStore content, IOptions<SiteOptions> site, SiteLinks links, TimeProvider clock, HttpContext http) =>
        {
            http.Response.Headers.ETag = await PublicCache.ETagAsync(db, content, "json");
            http.Response.ContentType = "application/json; charset=utf-8";
            await WriteJsonAsync(http.Response.BodyWriter, db, content, site.Value, links, clock, http.RequestAborted);
        }).CacheOutput(PublicCache.Policy).WithName(JsonRoute);

        app.MapMethods("/feed.atom", FileMethods.GetAndHead, async (AppDbContext db, ContentStore content, IOptions<SiteOptions> site, SiteLinks links, HttpContext http) =>
        {
            http.Response.Headers.ETag = await PublicCache.ETagAsync(db, content, "atom");
            var newest = await PublishedSignatories.NewestAsync(db, FeedEntries);
            return Results.Text(Atom(newest, site.Value, links), "application/atom+xml", Encoding.UTF8);
        }).CacheOutput(PublicCache.Policy).WithName(AtomRoute);
    }

    /// <summary>
    /// The list as JSON, written to the response row by row as the rows are read (5,000 co-signers
    /// are 1.7 MB: built in memory first, they took a string and buffers of several megabytes on the
    /// large object heap per render). "anzahl" comes last: it counts what was written.
    /// </summary>
    private static async Task WriteJsonAsync(PipeWriter body, AppDbContext db, ContentStore content, SiteOptions site, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var founders = AppealContent.Founders(content);
        var currentVersion = AppealContent.CurrentVersion(content);
        using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Indented = true, Encoder = Json.Encoder });
        json.WriteStartObject();
        json.WriteString("titel", site.Name);
        json.WriteString("fassung", currentVersion);
        json.WriteString("quelle", links.Page("/Signatories/List"));
        json.WriteString("stand", clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        json.WritePropertyName("erstunterzeichnende");
        JsonSerializer.Serialize(json, founders.Select(f => new { name = f.Name, website = f.Href, region = f.Region is null ? null : Regions.LabelOf(f.Region) }), Json);
        // Founders first, marked, so that the list has as many entries as "anzahl".
        json.WriteStartArray("unterzeichnende");
        var count = 0;
        var flushed = 0L;
        await foreach (var s in PublishedSignatories.EveryoneAsync(db, founders).WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, new
            {
                name = s.Name,
                erstunterzeichnend = s.Founder,
                art = s.Founder ? null : s.TypeLabel,
                ort = s.Founder ? null : s.Place,
                region = s.Region.Length == 0 ? null : s.RegionLabel,
                website = s.Website,
                kurzbegruendung = s.Statement,
                veroeffentlicht = s.Founder ? null : s.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                // Only when the co-signer signed an earlier version of the appeal than the one in force.
                fruehereFassung = s.EarlierVersion(currentVersion),
            }, Json);
            count++;
            if (json.BytesCommitted + json.BytesPending - flushed > 16 * 1024)
            {
                json.Flush();
                flushed = json.BytesCommitted;
                await body.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteNumber("anzahl", count);
        json.WriteEndObject();
        json.Flush();
        await body.FlushAsync(cancellationToken);
    }

    internal static string Atom(IReadOnlyList<PublicSignatory> newest, SiteOptions site, SiteLinks links)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var host = site.BaseUri.Host;
        var self = links.Route(AtomRoute);
        var list = links.Page("/Signatories/List");
        var updated = newest.Count > 0 ? newest.Max(s => s.PublishedAt) : new DateTime(2023, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var feed = new XElement(atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "de"),
            new XElement(atom + "id", self),
            new XElement(atom + "title", "Neue Mitzeichnende – " + site.Name),
            new XElement(atom + "updated", Stamp(updated)),
            new XElement(atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self)),
            new XElement(atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", list)),
            new XElement(atom + "author", new XElement(atom + "name", site.Name)),
            newest.Select(s => new XElement(atom + "entry",
                new XElement(atom + "id", $"tag:{host},2026:mitzeichnung-{s.Id}"),
                new XElement(atom + "title", $"{s.Name} ({s.Place}) hat mitgezeichnet"),
                new XElement(atom + "updated", Stamp(s.PublishedAt)),
                new XElement(atom + "published", Stamp(s.PublishedAt)),
                new XElement(atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", list)),
                new XElement(atom + "category", new XAttribute("term", s.Type), new XAttribute("label", s.TypeLabel)),
                new XElement(atom + "summary", string.Join(" – ", new[] { $"{s.TypeLabel} aus {s.Place}", s.Statement }.Where(p => !string.IsNullOrEmpty(p)))))));
        return new XDeclaration("1.0", "utf-8", null) + "\n" + feed;
    }

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
