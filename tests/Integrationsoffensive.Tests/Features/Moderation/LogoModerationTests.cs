using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Moderation;

/// <summary>Moderators see a logo before approving, and can remove it; the history says so.</summary>
public sealed class LogoModerationTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task WaitingApplication_ShowsItsLogo_OnTheCardAndTheDetailPage_ThoughThePublicAddressDoesNot()
    {
        var logo = Applications.Logo();
        var application = await _site.SeedAsync(ApplicationStatus.Confirmed, logo: logo);
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());

        var (_, queue) = await client.GetPageAsync("/moderation");
        var (_, detail) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");

        var card = queue.QuerySelector(".queue-card__logo")!;
        var large = detail.QuerySelector("img.logo-preview")!;
        Assert.Equal(logo.Small, await client.GetByteArrayAsync(card.GetAttribute("src")));
        var response = await client.GetAsync(large.GetAttribute("src"));
        Assert.Equal(logo.Large, await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.CacheControl is { NoCache: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal(HttpStatusCode.NotFound, (await _site.CreateClientWithoutCookies().GetAsync($"/logos/{application.Id}-{logo.Hash}-96.png")).StatusCode);
    }

    [Fact]
    public async Task LogoPicture_IsForModeratorsOnly()
    {
        var application = await _site.SeedAsync(ApplicationStatus.Confirmed, logo: Applications.Logo());

        var response = await _site.CreatePlainClient().GetAsync($"/moderation/antraege/{application.Id}?handler=Logo&size=96");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RemoveLogo_DeletesIt_RecordsItInTheHistory_AndTheWallShowsATileAtOnce()
    {
        var application = await _site.SeedAsync(ApplicationStatus.Published, Applications.Details(name: "Logo Verein"), Applications.Logo());
        var (_, before) = await _site.CreatePlainClient().GetPageAsync("/");
        Assert.NotNull(before.QuerySelector("#neu-mitgezeichnet img"));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, detail) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");

        var response = await client.SubmitAsync(detail, "form[action*='handler=RemoveLogo']", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await _site.WithDbAsync(db => db.ApplicationLogos.CountAsync()));
        var entry = await _site.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).LastAsync());
        Assert.Equal((AuditAction.LogoRemoved, "moderation@aufruf.example"), (entry.Action, entry.Actor));
        var (_, after) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");
        Assert.Contains("Logo entfernt", after.QuerySelector("ol.history")!.TextContent);
        Assert.Contains("Kein Logo.", after.QuerySelector("main")!.TextContent);
        var (_, home) = await _site.CreatePlainClient().GetPageAsync("/");
        Assert.Null(home.QuerySelector("#neu-mitgezeichnet img"));
        Assert.Equal("LV", home.QuerySelector("#neu-mitgezeichnet .wall__tile")!.GetAttribute("data-initials"));
    }
}
