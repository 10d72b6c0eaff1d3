using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Integrationsoffensive.Tests.Features.Handover;

/// <summary>
/// The handover document: a cover with title, date and count, the appeal and its demands, every
/// signatory with the founders first — as a printable page and as a PDF made on the server, read
/// back here with PdfPig.
/// </summary>
public sealed class HandoverTests : IAsyncLifetime, IDisposable
{
    private readonly SiteFactory _site = new();

    public async Task InitializeAsync()
    {
        await _site.PublishedAsync(Details("Zuflucht Kassel e. V.", "kassel-stadt", "fluechtlingsinitiative", "Kassel"));
        await _site.PublishedAsync(Details("Arbeitskreis Asyl Kassel", "kassel-stadt", "fluechtlingsinitiative", "Kassel"));
        await _site.PublishedAsync(Details("Abendschule Gießen", "giessen", "bildung", "Gießen"));
        await _site.ConfirmedAsync(Details("Noch Nicht Geprüft e. V.", "fulda", "sonstige", "Fulda"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _site.Dispose();

    private static ApplicationDetails Details(string name, string region, string type, string place) =>
        new(new PublicFields(name, type, place, region, null, null), "Kontakt Person", $"{Guid.NewGuid():N}@kontakt.example", null);

    [Fact]
    public async Task Get_Handover_HasTheCover_TheAppealWithItsDemands_AndEverySignatory_FoundersFirst_ThenByRegion()
    {
        var (response, document) = await _site.CreatePlainClient().GetPageAsync("/uebergabe");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cover = document.QuerySelector(".handover-cover")!;
        Assert.Equal("Aufruf für eine Integrationsoffensive", cover.QuerySelector("h1")!.Text());
        Assert.Equal("14 unterzeichnende Organisationen", cover.QuerySelector(".handover-cover__count")!.Text());
        Assert.Equal("2026-11-25", cover.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("/uebergabe.pdf", cover.QuerySelector("a[download]")!.GetAttribute("href"));
        Assert.Equal(["forderung-1", "forderung-2", "forderung-3"], document.QuerySelectorAll(".handover-demands > li").Select(li => li.Id!));

        var headings = document.QuerySelectorAll("#unterzeichnende ~ h3").Select(h => h.Text()).ToList();
        // Regions in the order of the form's list (Gießen before Kassel there), A–Z within.
        Assert.Equal(["Erstunterzeichnende", "Landkreis Gießen (1)", "Kassel (kreisfreie Stadt) (2)"], headings);
        var lists = document.QuerySelectorAll(".handover-names").ToList();
        Assert.Equal("Diakonie Hessen", lists[0].QuerySelector("li")!.Text());
        Assert.Equal(["Arbeitskreis Asyl Kassel, Kassel", "Zuflucht Kassel e. V., Kassel"], lists[2].QuerySelectorAll("li").Select(li => li.Text()));
        Assert.DoesNotContain("Noch Nicht Geprüft", document.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task Get_HandoverPdf_IsAPdfWhoseTextHasTheCount_TheDemands_AndTheFoundersBeforeTheCoSigners()
    {
        var response = await _site.CreatePlainClient().GetAsync("/uebergabe.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("uebergabe-aufruf-integrationsoffensive.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToList();
        Assert.True(pages.Count >= 3, $"expected cover, appeal and signatories, got {pages.Count} pages");
        Assert.Contains("14 unterzeichnende Organisationen", pages[0]);
        Assert.Contains("Übergeben am 25. November 2026", pages[0]);
        Assert.DoesNotContain("Seite", pages[0]);
        Assert.Contains($"Seite 2 von {pages.Count}", pages[1]);

        var all = string.Join(' ', pages);
        Assert.Contains("Arbeit und Aufenthalt fördern statt beenden", all);
        Assert.Contains("Öffentliche Infrastruktur ausbauen", all);
        var founder = all.IndexOf("Diakonie Hessen", StringComparison.Ordinal);
        var lastFounder = all.IndexOf("AIDS-Hilfe Hessen", StringComparison.Ordinal);
        var coSigner = all.IndexOf("Arbeitskreis Asyl Kassel, Kassel", StringComparison.Ordinal);
        Assert.True(founder >= 0 && lastFounder > founder && coSigner > lastFounder, "the founders come first, then the co-signers");
        Assert.True(all.IndexOf("Zuflucht Kassel e. V.", StringComparison.Ordinal) > coSigner, "A–Z within a group");
        Assert.DoesNotContain("Noch Nicht Geprüft", all);
    }

    [Fact]
    public async Task HandoverSettings_GroupByType_AndAFixedDate_ShowOnThePageAndInThePdf()
    {
        _site.WriteContent("uebergabe.yml", "title: Übergabe-Test\nrecipient: An die Landesregierung\ndate: \"2024-03-15\"\ngroupBy: type\n");

        var (_, document) = await _site.CreatePlainClient().GetPageAsync("/uebergabe");
        Assert.Equal(["Erstunterzeichnende", "Flüchtlingsinitiative / Beratungsstelle (2)", "Bildung / Wissenschaft (1)"], document.QuerySelectorAll("#unterzeichnende ~ h3").Select(h => h.Text()));
        Assert.Equal("Übergeben am 15. März 2024", document.QuerySelector(".handover-cover__date")!.Text());

        using var pdf = PdfDocument.Open(await _site.CreatePlainClient().GetByteArrayAsync("/uebergabe.pdf"));
        var cover = string.Join(' ', pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Übergabe-Test", cover);
        Assert.Contains("15. März 2024", cover);
    }
}
