using System.Net;
using AngleSharp.Html.Dom;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>/mitzeichnen/stand/{token}: the applicant's own view of where the application stands, for every state.</summary>
public sealed class StatusPageTests : IDisposable
{
    private static readonly DateTime Submitted = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Confirmed = new(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Decided = new(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = new(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);
    // The seeded applications are months older than the site's clock: the retention job, were it
    // running, could delete an unconfirmed one between seeding and asking for its page.
    private readonly SiteFactory _site = new() { JobsOnlyWhenAsked = true };

    public void Dispose() => _site.Dispose();

    /// <summary>An application taken to the state step by step on different days, with its withdrawal link.</summary>
    private async Task<string> SeedAsync(ApplicationStatus state, bool confirmedFirst = true)
    {
        var application = Application.Submit(Applications.Details(), "2023-11", ConsentText.Version, false, Submitted);
        var (_, token) = ApplicationToken.Issue(application, TokenPurpose.Withdraw, Submitted, lifetime: null);
        if (confirmedFirst && state != ApplicationStatus.Submitted)
        {
            application.Confirm(Confirmed);
        }

        switch (state)
        {
            case ApplicationStatus.Published or ApplicationStatus.Unpublished:
                application.Publish(Applications.Moderator, Decided);
                if (state == ApplicationStatus.Unpublished)
                {
                    application.Unpublish(Applications.Moderator, "interne Notiz: Satzung prüfen", Later);
                }

                break;
            case ApplicationStatus.Rejected:
                application.Reject(Applications.Moderator, "Keine Organisation aus der Zivilgesellschaft", Decided);
                break;
            case ApplicationStatus.Withdrawn:
                application.Withdraw(Later);
                break;
        }

        await _site.WithDbAsync(async db =>
        {
            db.Applications.Add(application);
            await db.SaveChangesAsync();
        });
        return token;
    }

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page, List<(string Title, string State, bool Current)> Steps)> StatusAsync(string token)
    {
        var (response, page) = await _site.CreateClientWithoutCookies().GetPageAsync("/mitzeichnen/stand/" + token);
        var steps = page.QuerySelectorAll("ol.steps > li").Select(li => (
            li.QuerySelector(".steps__title")!.TextContent,
            li.QuerySelector(".steps__state")!.TextContent,
            li.GetAttribute("aria-current") == "step")).ToList();
        return (response, page, steps);
    }

    [Fact]
    public async Task Submitted_AsksToConfirm_AsTheCurrentStep()
    {
        var (response, page, steps) = await StatusAsync(await SeedAsync(ApplicationStatus.Submitted));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Mitzeichnung eingereicht", "E-Mail-Adresse bestätigen", "Prüfung durch das Team", "Veröffentlichung"], steps.Select(s => s.Title));
        Assert.Equal("erledigt, am 2. März 2026", steps[0].State);
        Assert.Equal([false, true, false, false], steps.Select(s => s.Current));
        Assert.Equal(["erledigt", "aktueller Stand", "noch offen", "noch offen"], page.QuerySelectorAll(".steps__state").Select(s => s.TextContent.Split(',')[0]));
    }

    [Fact]
    public async Task Confirmed_IsInReview_SinceTheConfirmation()
    {
        var (_, _, steps) = await StatusAsync(await SeedAsync(ApplicationStatus.Confirmed));

        Assert.Equal(["Mitzeichnung eingereicht", "E-Mail-Adresse bestätigt", "Prüfung durch das Team", "Veröffentlichung"], steps.Select(s => s.Title));
        Assert.Equal("erledigt, am 3. März 2026", steps[1].State);
        Assert.Equal("aktueller Stand, am 3. März 2026", steps[2].State);
        Assert.True(steps[2].Current);
    }

    [Fact]
    public async Task Published_EndsWithThePublication_AndLinksTheList()
    {
        var (_, page, steps) = await StatusAsync(await SeedAsync(ApplicationStatus.Published));

        Assert.Equal(["Mitzeichnung eingereicht", "E-Mail-Adresse bestätigt", "Geprüft", "Veröffentlicht"], steps.Select(s => s.Title));
        Assert.Equal(("aktueller Stand, am 5. März 2026", true), (steps[3].State, steps[3].Current));
        Assert.Single(steps, s => s.Current);
        Assert.NotNull(page.QuerySelector("a[href='/unterzeichnende']"));
        Assert.NotNull(page.QuerySelector("a[href^='/mitzeichnen/zurueckziehen/']"));
    }

    [Fact]
    public async Task Rejected_SaysWhy_AsTheMailSaid()
    {
        var (_, page, steps) = await StatusAsync(await SeedAsync(ApplicationStatus.Rejected));

        Assert.Equal(("Nicht veröffentlicht", true), (steps[^1].Title, steps[^1].Current));
        Assert.Contains("Grund: Keine Organisation aus der Zivilgesellschaft", page.QuerySelector("ol.steps")!.TextContent);
    }

    [Fact]
    public async Task Unpublished_SaysSo_WithoutTheInternalNote()
    {
        var (_, page, steps) = await StatusAsync(await SeedAsync(ApplicationStatus.Unpublished));

        Assert.Equal(["Mitzeichnung eingereicht", "E-Mail-Adresse bestätigt", "Geprüft", "Veröffentlicht", "Von der Website genommen"], steps.Select(s => s.Title));
        Assert.Equal("aktueller Stand, am 1. April 2026", steps[^1].State);
        Assert.DoesNotContain("Satzung", page.DocumentElement.OuterHtml);
    }

    [Theory]
    [InlineData(true, new[] { "Mitzeichnung eingereicht", "E-Mail-Adresse bestätigt", "Zurückgezogen" })]
    [InlineData(false, new[] { "Mitzeichnung eingereicht", "Zurückgezogen" })]
    public async Task Withdrawn_ShowsTheStepsThatHappened_ThenTheWithdrawal(bool confirmedFirst, string[] titles)
    {
        var (_, page, steps) = await StatusAsync(await SeedAsync(ApplicationStatus.Withdrawn, confirmedFirst));

        Assert.Equal(titles, steps.Select(s => s.Title));
        Assert.Equal("aktueller Stand, am 1. April 2026", steps[^1].State);
        Assert.Null(page.QuerySelector("a[href^='/mitzeichnen/zurueckziehen/']"));
    }

    [Fact]
    public async Task StatusPage_IsNeverCachedIndexedOrPassedOn_AndAnUnknownLinkIs404()
    {
        var (response, _, _) = await StatusAsync(await SeedAsync(ApplicationStatus.Confirmed));
        var (unknown, page, _) = await StatusAsync("gibt-es-nicht");

        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Dieser Link funktioniert nicht mehr", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task ConfirmationMail_LinksTheStatusPage()
    {
        await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues());
        var mail = (await _site.WaitForPickupMailsAsync(m => m.Subject == ApplicationMails.ConfirmSubject)).Single();

        var (response, page) = await _site.CreatePlainClient().GetPageAsync(SigningSteps.LinkIn(mail.TextBody, "/mitzeichnen/stand/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("E-Mail-Adresse bestätigen", page.QuerySelector("li[aria-current=step] .steps__title")!.TextContent);
        Assert.Contains("/mitzeichnen/stand/", mail.HtmlBody);
    }
}
