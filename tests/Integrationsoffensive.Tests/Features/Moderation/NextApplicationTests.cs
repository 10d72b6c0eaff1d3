using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Moderation;

/// <summary>„Speichern und nächster Antrag“: from one decision straight to the next waiting application, to the end of the queue.</summary>
public sealed class NextApplicationTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private static Task<HttpResponseMessage> SaveAndNextAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, Dictionary<string, string?> values) =>
        client.SubmitAsync(page, "form[action*='handler=Decide']", values, "button[name=weiter]");

    [Fact]
    public async Task SaveAndNext_WalksTheQueueInOrder_ToItsEnd_ApprovingAndRejecting()
    {
        var waiting = new List<Application>();
        foreach (var name in new[] { "Erster Verein", "Zweiter Verein", "Dritter Verein" })
        {
            waiting.Add(await _site.ConfirmedAsync(Applications.Details(name: name, email: name.Replace(' ', '.') + "@verein.example")));
            _site.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, page) = await client.GetPageAsync($"/moderation/antraege/{waiting[0].Id}");

        var response = await SaveAndNextAsync(client, page, new() { ["Input.Decision"] = "freigeben" });
        Assert.Equal($"/moderation/antraege/{waiting[1].Id}", response.Headers.Location!.OriginalString);
        page = await client.FollowAsync(response);
        Assert.Contains("„Erster Verein“ ist freigegeben", page.QuerySelector(".notice")!.TextContent);

        response = await SaveAndNextAsync(client, page, new() { ["Input.Decision"] = "ablehnen", ["Input.ReasonId"] = "1" });
        Assert.Equal($"/moderation/antraege/{waiting[2].Id}", response.Headers.Location!.OriginalString);
        page = await client.FollowAsync(response);

        response = await SaveAndNextAsync(client, page, new() { ["Input.Decision"] = "freigeben" });
        Assert.Equal("/moderation", response.Headers.Location!.OriginalString);
        Assert.Contains("In der Warteschlange wartet kein weiterer Antrag.", (await client.FollowAsync(response)).QuerySelector(".notice")!.TextContent);
        var statuses = await _site.WithDbAsync(db => db.Applications.OrderBy(a => a.Id).Select(a => a.Status).ToListAsync());
        Assert.Equal([ApplicationStatus.Published, ApplicationStatus.Rejected, ApplicationStatus.Published], statuses);
    }

    [Fact]
    public async Task Save_WithoutNext_StaysOnTheApplication_AndNoChoice_AsksForOne()
    {
        var application = await _site.ConfirmedAsync();
        await _site.ConfirmedAsync(Applications.Details(name: "Anderer Verein", email: "x@anders.example"));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, page) = await client.GetPageAsync($"/moderation/antraege/{application.Id}");

        var undecided = await (await SaveAndNextAsync(client, page, [])).ReadDocumentAsync();
        var saved = await client.SubmitAsync(page, "form[action*='handler=Decide']", new Dictionary<string, string?> { ["Input.Decision"] = "freigeben" });

        Assert.Contains("Bitte wählen Sie: freigeben oder ablehnen.", undecided.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("#Input_Decision", undecided.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal($"/moderation/antraege/{application.Id}", saved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Skip_GoesToTheNextWaiting_AndFromTheLastBackToOneSkipped()
    {
        var first = await _site.ConfirmedAsync(Applications.Details(name: "Erster Verein", email: "a@verein.example"));
        _site.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _site.ConfirmedAsync(Applications.Details(name: "Zweiter Verein", email: "b@verein.example"));
        var client = await _site.SignInAsync(await _site.CreateModeratorAsync());
        var (_, page) = await client.GetPageAsync($"/moderation/antraege/{first.Id}");

        var skipped = await client.GetAsync(page.QuerySelector("a[href*='handler=Next']")!.GetAttribute("href"));
        var wrapped = await client.GetAsync($"/moderation/antraege/{second.Id}?handler=Next");

        Assert.Equal($"/moderation/antraege/{second.Id}", skipped.Headers.Location!.OriginalString);
        Assert.Equal($"/moderation/antraege/{first.Id}", wrapped.Headers.Location!.OriginalString);
    }
}
