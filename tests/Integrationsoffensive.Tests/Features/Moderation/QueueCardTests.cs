using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Moderation;

/// <summary>Each card of the queue shows what a decision needs; applications that wait too long stand out.</summary>
public sealed class QueueCardTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Card_ShowsNameTypePlaceRegionWebsiteStatementAndAge()
    {
        var application = await _site.ConfirmedAsync(new ApplicationDetails(
            new PublicFields("Café Asyl Wetzlar", "fluechtlingsinitiative", "Wetzlar", "lahn-dill-kreis", "https://cafe-asyl.example/", "Weil Ankommen Zeit braucht."),
            "Anna Beispiel", "info@cafe-asyl.example", null));
        _site.Clock.Advance(TimeSpan.FromHours(30));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (_, page) = await client.GetPageAsync("/moderation");

        var card = page.QuerySelector("ol.queue > li")!;
        Assert.Equal($"/moderation/antraege/{application.Id}", card.QuerySelector(".queue-card__name a")!.GetAttribute("href"));
        var facts = card.QuerySelectorAll(".queue-card__facts dd").Select(dd => dd.Text()).ToList();
        Assert.Equal(["Flüchtlingsinitiative / Beratungsstelle", "Wetzlar", "Lahn-Dill-Kreis", "https://cafe-asyl.example/ (öffnet in neuem Tab)"], facts);
        var website = card.QuerySelector(".queue-card__facts a")!;
        Assert.Equal("https://cafe-asyl.example/", website.GetAttribute("href"));
        Assert.Equal("_blank", website.GetAttribute("target"));
        Assert.Equal("noopener noreferrer", website.GetAttribute("rel"));
        Assert.Equal("Weil Ankommen Zeit braucht.", card.QuerySelector(".queue-card__statement")!.Text());
        Assert.Equal("wartet seit einem Tag", card.QuerySelector(".queue-card__age")!.Text());
        Assert.DoesNotContain("überfällig", card.Text());
        Assert.DoesNotContain("doppelt", card.Text());
    }

    [Fact]
    public async Task ApplicationsConfirmedLongerThanOverdueDaysAgo_AreMarkedOverdue_AndCounted()
    {
        await _site.ConfirmedAsync(Applications.Details(name: "Lange Wartende e. V.", email: "a@warten.example"));
        _site.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await _site.ConfirmedAsync(Applications.Details(name: "Gerade Gekommen e. V.", email: "b@warten.example"));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (_, page) = await client.GetPageAsync("/moderation");

        var cards = page.QuerySelectorAll("ol.queue > li");
        Assert.Contains("überfällig", cards[0].Text());
        Assert.Contains("queue-card--overdue", cards[0].ClassName);
        Assert.Equal("wartet seit 3 Tagen", cards[0].QuerySelector(".queue-card__age")!.Text());
        Assert.DoesNotContain("überfällig", cards[1].Text());
        Assert.Equal("1 Antrag wartet länger als 3 Tage.", page.QuerySelector(".overdue-note")!.Text());
    }

    [Fact]
    public async Task OverdueDays_ComeFromTheConfiguration()
    {
        _site.WithSetting("Moderation:OverdueDays", "1");
        await _site.ConfirmedAsync();
        _site.Clock.Advance(TimeSpan.FromHours(25));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (_, page) = await client.GetPageAsync("/moderation");

        Assert.Contains("überfällig", page.QuerySelector("ol.queue > li")!.Text());
        Assert.Equal("1 Antrag wartet länger als 1 Tag.", page.QuerySelector(".overdue-note")!.Text());
    }

    [Fact]
    public async Task DuplicateHint_NamesAndLinksTheOtherApplication_OrTheFounder_NeverItself()
    {
        static ApplicationDetails WithoutWebsite(string name, string email) =>
            new(new PublicFields(name, "sonstige", "Hanau", "main-kinzig-kreis", null, null), "Anna Beispiel", email, null);
        var first = await _site.ConfirmedAsync(WithoutWebsite("Willkommensbündnis Hanau", "a@hanau.example"));
        var second = await _site.ConfirmedAsync(WithoutWebsite("Willkommensbündnis Hanua", "b@hanau.example"));
        await _site.ConfirmedAsync(WithoutWebsite("Diakonie Hessen", "c@diakonie.example"));
        await _site.ConfirmedAsync(WithoutWebsite("Ganz Eigenständig e. V.", "d@eigen.example"));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (_, page) = await client.GetPageAsync("/moderation");

        var flags = page.QuerySelectorAll("ol.queue .queue-card__flags").ToList();
        Assert.Contains($"wie Nr. {second.Id} („Willkommensbündnis Hanua“)", flags[0].Text());
        Assert.Equal($"/moderation/antraege/{second.Id}", flags[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains($"wie Nr. {first.Id} („Willkommensbündnis Hanau“)", flags[1].Text());
        Assert.Contains("wie Erstunterzeichnende („Diakonie Hessen“)", flags[2].Text());
        Assert.DoesNotContain("doppelt", flags[3].Text());
    }

    [Fact]
    public async Task AuditLog_NamesTheOrganization_AndLinksToIt_AndFindsItByName()
    {
        var application = await _site.ConfirmedAsync(Applications.Details(name: "Protokollverein Gießen"));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (_, log) = await client.GetPageAsync("/moderation/protokoll?suche=Protokollverein");

        var rows = log.QuerySelectorAll("table.audit tbody tr");
        Assert.Equal(2, rows.Length); // submitted and confirmed
        var link = rows[0].QuerySelector("td:nth-child(4) a")!;
        Assert.Equal("Protokollverein Gießen", link.TextContent);
        Assert.Equal($"/moderation/antraege/{application.Id}", link.GetAttribute("href"));
        Assert.Contains($"(Nr. {application.Id})", rows[0].Text());
    }
}
