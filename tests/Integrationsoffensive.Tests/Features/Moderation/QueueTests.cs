using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Moderation;

public sealed class QueueTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Queue_ShowsWaitingOldestFirst_WithCountsPerStatus_AndDuplicateFlags()
    {
        await _site.ConfirmedAsync(Applications.Details(name: "Erster Verein", email: "a@verein.example"));
        _site.Clock.Advance(TimeSpan.FromMinutes(5));
        await _site.ConfirmedAsync(Applications.Details(name: "Zweiter Verein", email: "b@verein.example"));
        await _site.PublishedAsync(Applications.Details(name: "Veröffentlicht e. V.", email: "c@verein.example"));
        await _site.SubmittedAsync(Applications.Details(name: "Unbestätigt e. V.", email: "d@verein.example"));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues(name: "erster  VEREIN", email: "e@verein.example"));
        await _site.WithDbAsync(async db =>
        {
            (await db.Applications.SingleAsync(a => a.Email == "e@verein.example")).Confirm(_site.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });

        var (_, page) = await client.GetPageAsync("/moderation");

        var names = page.QuerySelectorAll("ol.queue .queue-card__name a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Erster Verein", "Zweiter Verein", "erster VEREIN"], names);
        Assert.Contains("möglicherweise doppelt", page.QuerySelectorAll("ol.queue > li")[2].TextContent);
        var tabs = page.QuerySelectorAll(".status-tabs a").Select(a => a.Text()).ToList();
        Assert.Equal(["wartet (3)", "veröffentlicht (1)", "abgelehnt (0)", "depubliziert (0)", "zurückgezogen (0)", "unbestätigt (1)"], tabs);
    }

    [Fact]
    public async Task Queue_SearchesNameAndPlace_AndFiltersByStatus()
    {
        await _site.ConfirmedAsync(Applications.Details(name: "Caritas Offenbach", email: "a@verein.example", place: "Offenbach am Main"));
        await _site.ConfirmedAsync(Applications.Details(name: "Flüchtlingsrat Nord", email: "b@verein.example", place: "Kassel"));
        await _site.PublishedAsync(Applications.Details(name: "Diakonie Kassel", email: "c@verein.example", place: "Kassel"));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (_, byPlace) = await client.GetPageAsync("/moderation?status=wartet&suche=kassel");
        var (_, published) = await client.GetPageAsync("/moderation?status=veroeffentlicht&suche=Kassel");
        var (_, percent) = await client.GetPageAsync("/moderation?suche=%25");

        Assert.Equal(["Flüchtlingsrat Nord"], byPlace.QuerySelectorAll("ol.queue .queue-card__name a").Select(a => a.TextContent));
        Assert.Equal(["Diakonie Kassel"], published.QuerySelectorAll("ol.queue .queue-card__name a").Select(a => a.TextContent));
        Assert.Empty(percent.QuerySelectorAll("ol.queue .queue-card__name a"));
    }

    [Theory]
    [InlineData("1", 25, "Seite 1 von 2")]
    [InlineData("2", 5, "Seite 2 von 2")]
    [InlineData("99", 5, "Seite 2 von 2")]
    [InlineData("0", 25, "Seite 1 von 2")]
    [InlineData("abc", 25, "Seite 1 von 2")]
    public async Task Queue_PagesThroughManyApplications_AndToleratesOddPageNumbers(string page, int rows, string label)
    {
        for (var i = 0; i < 30; i++)
        {
            await _site.ConfirmedAsync(Applications.Details(name: $"Verein {i:00}", email: $"v{i}@verein.example"));
        }

        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (_, document) = await client.GetPageAsync($"/moderation?seite={page}");

        Assert.Equal(rows, document.QuerySelectorAll("ol.queue > li").Length);
        Assert.Contains(label, document.QuerySelector(".pagination")!.TextContent);
    }
}

public sealed class AdminPagesTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Admin_InvitesAndDisablesModerators_AndSeesTheirTwoFactorState()
    {
        await _site.CreateModeratorAsync("bestehend@aufruf.example");
        var admin = await _site.SignInAsync(await _site.CreateModeratorAsync("admin@aufruf.example", admin: true));
        var (_, page) = await admin.GetPageAsync("/moderation/admin/moderatoren");
        Assert.Contains("eingerichtet", page.QuerySelector("table.moderators")!.TextContent);

        var invited = await admin.SubmitAsync(page, "form.form", new Dictionary<string, string?> { ["Input.Email"] = "neu@aufruf.example" });
        var afterInvite = await admin.FollowAsync(invited);
        Assert.StartsWith(SiteFactory.PublicBaseUrl + "/konto/einladung/", afterInvite.QuerySelector("code.invitation-link")!.TextContent);
        Assert.Contains("neu@aufruf.example", afterInvite.QuerySelector("table.moderators")!.TextContent);

        var disableForm = afterInvite.QuerySelectorAll("form[action*='handler=Disable']")
            .Single(f => f.QuerySelector("input[name=AccountEmail]")!.GetAttribute("value") == "bestehend@aufruf.example");
        var disabled = await admin.PostAsync(disableForm.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", disableForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("AccountEmail", "bestehend@aufruf.example"),
        ]));
        Assert.Contains("bestehend@aufruf.example ist gesperrt", (await admin.FollowAsync(disabled)).QuerySelector(".notice")!.TextContent);
        var audit = await _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Contains(audit, e => e.Action == AuditAction.ModeratorDisabled && e.Actor == "admin@aufruf.example");
        Assert.Contains(audit, e => e.Action == AuditAction.ModeratorInvited && e.Actor == "admin@aufruf.example" && e.Details.Contains("neu@aufruf.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admin_AddsARejectionReason_ThatModeratorsThenChooseFrom()
    {
        var admin = await _site.SignInAsync(await _site.CreateModeratorAsync("admin@aufruf.example", admin: true));
        var (_, page) = await admin.GetPageAsync("/moderation/admin/ablehnungsgruende");

        await admin.SubmitAsync(page, "form.form", new Dictionary<string, string?> { ["Input.Text"] = "Die Organisation besteht nicht mehr." });

        var application = await _site.ConfirmedAsync();
        var (_, detail) = await admin.GetPageAsync($"/moderation/antraege/{application.Id}");
        Assert.Contains(detail.QuerySelectorAll("#Input_ReasonId option"), o => o.TextContent == "Die Organisation besteht nicht mehr.");
        Assert.Contains(await _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync()), e => e.Action == AuditAction.ReasonsChanged);
    }
}
