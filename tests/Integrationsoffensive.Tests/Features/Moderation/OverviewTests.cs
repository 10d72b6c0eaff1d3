using AngleSharp.Html.Dom;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Moderation;

/// <summary>
/// The dashboard's numbers against a data set whose every figure is known. The site's clock stands
/// at 25 November 2026, 10:00 in Berlin; times below are UTC (Berlin is one hour ahead).
/// </summary>
public sealed class OverviewTests : IDisposable
{
    private const string Moderator = "m@aufruf.example";
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private static DateTime At(string utc) => DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    private static ApplicationDetails Details(string name, string type, string region) =>
        new(new PublicFields(name, type, "Ort", region, null, null), "Kontakt", name.Replace(' ', '.') + "@beispiel.example", null);

    private static Application Submitted(string name, string type, string region, string at) =>
        Application.Submit(Details(name, type, region), "2023-11", ConsentText.Version, possibleDuplicate: false, At(at));

    private async Task SeedAsync()
    {
        var a1 = Submitted("A1", "wohlfahrtsverband", "frankfurt", "2026-11-23T10:00:00");
        a1.Confirm(At("2026-11-23T11:00:00"));
        a1.Publish(Moderator, At("2026-11-24T11:00:00")); // 24 h
        var a2 = Submitted("A2", "gewerkschaft", "kassel-stadt", "2026-11-23T10:30:00");
        a2.Confirm(At("2026-11-23T12:00:00"));
        a2.Reject(Moderator, "Grund", At("2026-11-24T18:00:00")); // 30 h
        var a3 = Submitted("A3", "sonstige", "giessen", "2026-11-23T11:00:00"); // never confirmed
        var a4 = Submitted("A4", "kirche", "fulda", "2026-11-23T23:30:00"); // 24 November in Berlin
        a4.Confirm(At("2026-11-23T23:45:00"));
        a4.Publish(Moderator, At("2026-11-24T23:45:00")); // 24 h, on 25 November in Berlin
        var a5 = Submitted("A5", "bildung", "wiesbaden", "2026-11-25T07:00:00");
        a5.Confirm(At("2026-11-25T07:30:00")); // waits
        var a6 = Submitted("A6", "sonstige", "wiesbaden", "2026-11-25T07:10:00");
        a6.Withdraw(At("2026-11-25T07:20:00"));
        var m1 = Application.AddByModerator(Details("M1", "gewerkschaft", Regions.Statewide), "2023-11", Moderator, "Papier", possibleDuplicate: false, At("2026-11-24T12:00:00"));
        var o1 = Submitted("O1", "wohlfahrtsverband", "frankfurt", "2026-08-17T10:00:00"); // before the 90 days
        o1.Confirm(At("2026-08-17T10:00:00"));
        o1.Publish(Moderator, At("2026-08-17T12:00:00")); // 2 h
        await _site.WithDbAsync(async db =>
        {
            db.Applications.AddRange(a1, a2, a3, a4, a5, a6, m1, o1);
            await db.SaveChangesAsync();
        });
    }

    private static List<string[]> Rows(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"#{table} tbody tr").Select(r => r.Children.Select(c => c.Text()).ToArray()).ToList();

    [Fact]
    public async Task Dashboard_NumbersMatchTheSeededDataSetExactly()
    {
        await SeedAsync();
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (_, page) = await client.GetPageAsync("/moderation/uebersicht");

        Assert.Equal([["unbestätigt", "1"], ["wartet auf Prüfung", "1"], ["veröffentlicht", "4"], ["abgelehnt", "1"], ["depubliziert", "0"], ["zurückgezogen", "1"]], Rows(page, "nach-status"));
        var last30 = Rows(page, "tage-30");
        Assert.Equal(30, last30.Count);
        Assert.Equal([["25.11.2026", "2", "1", "1"], ["24.11.2026", "1", "1", "2"], ["23.11.2026", "3", "2", "0"], ["22.11.2026", "0", "0", "0"]], last30.Take(4));
        Assert.Equal("27.10.2026", last30[^1][0]);
        Assert.Equal(90, Rows(page, "tage-90").Count);
        Assert.Equal("28.08.2026", Rows(page, "tage-90")[^1][0]);
        Assert.Equal([["eingereicht", "7", "100 %"], ["E-Mail bestätigt", "5", "71 %"], ["veröffentlicht", "3", "43 %"]], Rows(page, "trichter"));
        var types = Rows(page, "nach-art").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(("2", "1", "1", "0"), (types["Wohlfahrtsverband"], types["Gewerkschaft"], types["Kirche / Religionsgemeinschaft"], types["Sonstige"]));
        Assert.Equal(9, types.Count);
        var regions = Rows(page, "nach-region").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(29, regions.Count);
        Assert.Equal(("2", "1", "1", "0"), (regions["Frankfurt am Main (kreisfreie Stadt)"], regions["Landkreis Fulda"], regions["hessenweit"], regions["Wiesbaden (kreisfreie Stadt)"]));
        Assert.Equal(4, regions.Values.Sum(int.Parse));
        Assert.Equal(["etwa 24 Stunden", "etwa 24 Stunden"], page.QuerySelectorAll("#pruefdauer td").Select(d => d.Text()));
    }

    [Fact]
    public async Task Charts_AreServerSideSvgImages_NamedByTheirCaptions_WithTheTileMapOfHessen()
    {
        await SeedAsync();
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (_, page) = await client.GetPageAsync("/moderation/uebersicht");

        var charts = page.QuerySelectorAll("figure svg.chart[role=img]");
        Assert.Equal(5, charts.Length);
        Assert.All(charts, svg => Assert.NotNull(page.GetElementById(svg.GetAttribute("aria-labelledby")!)));
        var tiles = page.QuerySelectorAll("#region-bild ~ svg g.tile").Select(g => g.QuerySelector("title")!.TextContent).ToList();
        Assert.Equal(29, tiles.Count);
        Assert.Contains("Frankfurt am Main (kreisfreie Stadt): 2", tiles);
        Assert.Empty(page.QuerySelectorAll("[style], script"));
        Assert.Equal(2 * 30, page.QuerySelectorAll("#tage-30-titel ~ svg rect.chart__bar").Length);
    }

    [Fact]
    public async Task Csv_HoldsTheDailyFiguresOfTheLast90Days()
    {
        await SeedAsync();
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, page) = await client.GetPageAsync("/moderation/uebersicht");

        var response = await client.GetAsync(page.QuerySelector("a[href*='handler=Csv']")!.GetAttribute("href"));

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Datum;Anträge;Bestätigungen;Veröffentlichungen", lines[0]);
        Assert.Equal(91, lines.Length);
        Assert.Equal(["2026-11-23;3;2;0", "2026-11-24;1;1;2", "2026-11-25;2;1;1"], lines[^3..]);
    }
}
