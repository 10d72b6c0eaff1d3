using System.Net;
using System.Text;
using System.Text.Json;
using Integrationsoffensive.Cli;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Appeal;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Appeal;

/// <summary>
/// The appeal's history: the test content has an earlier version (fassungen/2023-10.md) beside the
/// current one (2023-11, put together from aufruf.md, the demands and the closing call).
/// </summary>
public sealed class VersionTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Get_Versions_ListsTheCurrentVersionFirst_ThenTheEarlierOnes_EachWithItsDateAndLink()
    {
        var (response, document) = await site.CreatePlainClient().GetPageAsync("/aufruf/fassungen");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = document.QuerySelectorAll(".version-list__item").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("Fassung 2023-11 vom November 2023 gilt heute", items[0].Text());
        Assert.Equal("Fassung 2023-10 vom 30. Oktober 2023", items[1].Text());
        Assert.Equal(["/aufruf/fassungen/2023-11", "/aufruf/fassungen/2023-10"], items.Select(i => i.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal("/aufruf/fassungen/vergleich?von=2023-10&zu=2023-11", document.QuerySelector("main a.button")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_EarlierVersion_ShowsItsOwnText_AndSaysItIsNoLongerInForce()
    {
        var (response, document) = await site.CreatePlainClient().GetPageAsync("/aufruf/fassungen/2023-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = document.QuerySelector("main")!.Text();
        Assert.Contains("Test-Text der Forderung 2, früher länger.", text);
        Assert.Contains("Diese Fassung gilt nicht mehr.", text);
        Assert.Equal("2. Anreize stärken und attraktiver werden", document.QuerySelectorAll(".prose h2")[1].Text());
    }

    [Fact]
    public async Task Get_CurrentVersion_IsTheLiveText_LeadDemandsAndClosingCall()
    {
        var (_, document) = await site.CreatePlainClient().GetPageAsync("/aufruf/fassungen/2023-11");

        var text = document.QuerySelector(".prose")!.Text();
        Assert.Contains("Sondierungspapiers zwischen CDU und SPD Hessen", text);
        Assert.Contains("Test-Text der Forderung 2.", text);
        Assert.DoesNotContain("früher länger", text);
        Assert.Contains("Test-Text des Schlussaufrufs.", text);
        Assert.Equal(["1. Arbeit und Aufenthalt fördern statt beenden", "2. Anreize stärken und attraktiver werden", "3. Öffentliche Infrastruktur ausbauen", "Gemeinsam eine Integrationsoffensive starten"],
            document.QuerySelectorAll(".prose h2").Select(h => h.Text()));
    }

    [Theory]
    [InlineData("/aufruf/fassungen/1999-01")]
    [InlineData("/aufruf/fassungen/..%2Faufruf")]
    public async Task Get_UnknownVersion_IsNotFound(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreatePlainClient().GetAsync(path)).StatusCode);

    [Fact]
    public async Task Get_Compare_MarksDeletedAndInsertedWords_WithTextCuesForScreenReaders()
    {
        var (response, document) = await site.CreatePlainClient().GetPageAsync("/aufruf/fassungen/vergleich?von=2023-10&zu=2023-11");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deleted = document.QuerySelectorAll(".diff del").Select(d => d.Text()).ToList();
        var inserted = document.QuerySelectorAll(".diff ins").Select(i => i.Text()).ToList();
        Assert.Contains(deleted, d => d.Contains("früher länger", StringComparison.Ordinal));
        Assert.Contains(inserted, i => i.Contains("Sondierungspapiers", StringComparison.Ordinal));
        Assert.All(document.QuerySelectorAll(".diff del"), d => Assert.StartsWith("[gestrichen:", d.QuerySelector(".visually-hidden")!.TextContent));
        Assert.All(document.QuerySelectorAll(".diff ins"), i => Assert.StartsWith("[eingefügt:", i.QuerySelector(".visually-hidden")!.TextContent));
        // Words both versions share stay unmarked.
        Assert.DoesNotContain(deleted.Concat(inserted), part => part.Contains("Forderung 3", StringComparison.Ordinal));
        Assert.Contains("Test-Text der Forderung 3.", document.QuerySelector(".diff")!.TextContent);
        Assert.Matches(@"^\d+ Wörter gestrichen, \d+ Wörter eingefügt\.$", document.QuerySelector(".diff-summary")!.Text());
    }

    [Fact]
    public async Task Get_Compare_WithOnlyOneVersion_SaysThereIsNothingToCompare()
    {
        using var own = new SiteFactory();
        Directory.Delete(Path.Combine(own.ContentPath, "fassungen"), recursive: true);

        var (response, document) = await own.CreatePlainClient().GetPageAsync("/aufruf/fassungen/vergleich");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nichts zu vergleichen", document.QuerySelector("main")!.Text());
        Assert.Empty(document.QuerySelectorAll(".diff"));
    }

    [Fact]
    public void Words_SplitsAChangedWordIntoDeletionAndInsertion_AndKeepsTheRest()
    {
        var parts = VersionDiff.Words("Hessen braucht mehr Zuwanderung.", "Hessen braucht deutlich mehr Zuwanderung!");

        Assert.Equal(
            [new(DiffKind.Same, "Hessen braucht "), new(DiffKind.Inserted, "deutlich "), new(DiffKind.Same, "mehr "), new(DiffKind.Deleted, "Zuwanderung."), new(DiffKind.Inserted, "Zuwanderung!")],
            parts);
        Assert.Equal(1, VersionDiff.WordCount(parts, DiffKind.Deleted));
        Assert.Equal(2, VersionDiff.WordCount(parts, DiffKind.Inserted));
    }

    [Fact]
    public async Task CoSignerOfAnEarlierVersion_IsMarkedInTheList_TheCsvAndTheJson_OthersAreNot()
    {
        using var own = new SiteFactory();
        var now = own.Clock.GetUtcNow().UtcDateTime;
        await own.WithDbAsync(async db =>
        {
            var earlier = Application.Submit(Applications.Details("Frühe Initiative e. V.", "frueh@kontakt.example"), "2023-10", ConsentText.Version, possibleDuplicate: false, now);
            earlier.Confirm(now);
            earlier.Publish(Applications.Moderator, now);
            db.Applications.Add(earlier);
            await db.SaveChangesAsync();
        });
        await own.PublishedAsync(Applications.Details("Heutige Initiative e. V.", "heute@kontakt.example"));
        var client = own.CreatePlainClient();

        var (_, list) = await client.GetPageAsync("/unterzeichnende");
        var entries = list.QuerySelectorAll("#mitzeichnende ~ ul .signatory, .signatory").Where(e => !e.ClassList.Contains("signatory--founder")).ToList();
        var early = entries.Single(e => e.Text().Contains("Frühe Initiative", StringComparison.Ordinal));
        Assert.Equal("/aufruf/fassungen/2023-10", early.QuerySelector(".signatory__meta a")!.GetAttribute("href"));
        Assert.Contains("unterzeichnete die Fassung 2023-10", early.Text());
        Assert.DoesNotContain("Fassung", entries.Single(e => e.Text().Contains("Heutige Initiative", StringComparison.Ordinal)).Text());

        var csv = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/unterzeichnende.csv"))[3..]).Split("\r\n");
        Assert.EndsWith(";Erstunterzeichnend;Frühere Fassung", csv[0]);
        Assert.EndsWith(";nein;2023-10", csv.Single(l => l.StartsWith("Frühe Initiative", StringComparison.Ordinal)));
        Assert.EndsWith(";nein;", csv.Single(l => l.StartsWith("Heutige Initiative", StringComparison.Ordinal)));

        using var json = JsonDocument.Parse(await client.GetStringAsync("/unterzeichnende.json"));
        Assert.Equal("2023-11", json.RootElement.GetProperty("fassung").GetString());
        var signatories = json.RootElement.GetProperty("unterzeichnende").EnumerateArray().ToList();
        Assert.Equal("2023-10", signatories.Single(s => s.GetProperty("name").GetString() == "Frühe Initiative e. V.").GetProperty("fruehereFassung").GetString());
        Assert.Equal(JsonValueKind.Null, signatories.Single(s => s.GetProperty("name").GetString() == "Heutige Initiative e. V.").GetProperty("fruehereFassung").ValueKind);
    }

    [Fact]
    public async Task KeepVersionCommand_WritesTheCurrentTextAsAnEarlierVersion_ThatTheListThenKeepsAfterTheVersionChanges()
    {
        using var own = new SiteFactory();
        var output = new StringWriter();

        Assert.Equal(0, await HostCommands.RunAsync(own.Services, ["fassung-sichern"], output));
        Assert.Contains("Fassung 2023-11 gesichert", output.ToString());
        own.WriteContent("aufruf.md", own.ReadContent("aufruf.md").Replace("version: \"2023-11\"", "version: \"2024-02\"").Replace("Ein zweiter Absatz", "Ein neuer zweiter Absatz"));

        var (_, document) = await own.CreatePlainClient().GetPageAsync("/aufruf/fassungen");
        Assert.Equal(["Fassung 2024-02", "Fassung 2023-11", "Fassung 2023-10"], document.QuerySelectorAll(".version-list__item a").Select(a => a.Text()));
        var (_, kept) = await own.CreatePlainClient().GetPageAsync("/aufruf/fassungen/2023-11");
        Assert.Contains("Ein zweiter Absatz", kept.QuerySelector(".prose")!.Text());
        var (_, compare) = await own.CreatePlainClient().GetPageAsync("/aufruf/fassungen/vergleich?von=2023-11&zu=2024-02");
        Assert.Equal(["neuer "], compare.QuerySelectorAll(".diff ins").Select(i => i.TextContent.Replace("[eingefügt: ", "").TrimEnd(']')));
        Assert.Empty(compare.QuerySelectorAll(".diff del"));
    }
}
