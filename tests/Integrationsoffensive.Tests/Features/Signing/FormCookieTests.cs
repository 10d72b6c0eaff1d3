using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>
/// The application form is protected against forged posts by a cookie. When that cookie is gone
/// (the form was open for hours, the browser was restarted, or it takes no cookies from the site),
/// the form comes back with everything typed, saying why and what to do, not a bare error page.
/// </summary>
public sealed class FormCookieTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private static Dictionary<string, string?> Typed()
    {
        var typed = Applications.FormValues(name: "Willkommensinitiative Süd e. V.", email: "sued@beispiel.de");
        typed["Input.Statement"] = "Weil Ankommen Zeit braucht – und Menschen, die sich kümmern.";
        return typed;
    }

    private static void AssertKept(IHtmlDocument page, Dictionary<string, string?> typed)
    {
        Assert.Equal("Aufruf mitzeichnen", page.QuerySelector("h1")!.Text());
        Assert.Equal(ApplyModel.FormCookieTitle, page.QuerySelector(".error-summary h2")!.Text());
        Assert.Contains(ApplyModel.FormCookieMessage, page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(typed["Input.OrganizationName"], page.QuerySelector<IHtmlInputElement>("#Input_OrganizationName")!.Value);
        Assert.Equal(typed["Input.Email"], page.QuerySelector<IHtmlInputElement>("#Input_Email")!.Value);
        Assert.Equal(typed["Input.ContactName"], page.QuerySelector<IHtmlInputElement>("#Input_ContactName")!.Value);
        Assert.Equal(typed["Input.Statement"], page.QuerySelector<IHtmlTextAreaElement>("#Input_Statement")!.Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#Input_Consent")!.IsChecked);
    }

    /// <summary>
    /// A browser that opened the form (in another client, so it lacks the form's cookie) sends it
    /// with what was typed, marked by the header a browser would send, if any.
    /// </summary>
    private async Task<(HttpClient Browser, HttpResponseMessage Response)> SendWithoutTheFormsCookieAsync(Dictionary<string, string?> typed, string? header = null, string? value = null)
    {
        var (_, form) = await _site.CreatePlainClient().GetPageAsync("/mitzeichnen");
        _site.Clock.Advance(TimeSpan.FromSeconds(20));
        var browser = _site.CreatePlainClient();
        if (header is not null)
        {
            browser.DefaultRequestHeaders.Add(header, value);
        }

        return (browser, await browser.SubmitAsync(form, "form.form", typed));
    }

    [Fact]
    public async Task AFormWhoseCookieIsGone_ComesBackFilledIn_AndGoesThroughWhenSentAgain()
    {
        var typed = Typed();

        var (browser, failed) = await SendWithoutTheFormsCookieAsync(typed); // the browser no longer has the form's cookie

        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        var page = await failed.ReadDocumentAsync();
        AssertKept(page, typed);
        Assert.Equal(0, await _site.WithDbAsync(db => db.Applications.CountAsync()));

        // The answer brought a new cookie with it: the form as it came back goes through.
        var again = await browser.SubmitAsync(page, "form.form", new Dictionary<string, string?>());

        Assert.Equal("/mitzeichnen/danke", again.Headers.Location?.OriginalString);
        var stored = await _site.WithDbAsync(db => db.Applications.SingleAsync());
        Assert.Equal(("Willkommensinitiative Süd e. V.", "sued@beispiel.de", ApplicationStatus.Submitted), (stored.OrganizationName, stored.Email, stored.Status));
    }

    [Fact]
    public async Task ABrowserThatTakesNoCookies_KeepsWhatWasTyped_AndIsToldWhy_AndNothingIsStored()
    {
        var browser = _site.CreateClientWithoutCookies();
        var (_, form) = await browser.GetPageAsync("/mitzeichnen");
        _site.Clock.Advance(TimeSpan.FromSeconds(20));
        var typed = Typed();

        var first = await browser.SubmitAsync(form, "form.form", typed);
        var page = await first.ReadDocumentAsync();
        var second = await browser.SubmitAsync(page, "form.form", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        AssertKept(page, typed);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        AssertKept(await second.ReadDocumentAsync(), typed);
        Assert.Equal(0, await _site.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://boese.example")]
    [InlineData("Origin", "null")]
    public async Task AnotherSitesPost_WithATokenField_IsRefused_NotShownAsAFilledInForm(string header, string value)
    {
        // Another site could otherwise post its own values with any token field and have this site
        // show them as the visitor's form, ticked boxes included, one click from being sent.
        var (_, response) = await SendWithoutTheFormsCookieAsync(Typed(), header, value);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Die Anfrage war ungültig", page.QuerySelector("h1")!.Text());
        Assert.Null(page.GetElementById("Input_OrganizationName"));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Origin", "https://localhost")]
    public async Task TheSitesOwnPost_AsABrowserMarksIt_KeepsTheForm(string header, string value)
    {
        var typed = Typed();

        var (_, response) = await SendWithoutTheFormsCookieAsync(typed, header, value);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertKept(await response.ReadDocumentAsync(), typed);
    }

    [Fact]
    public async Task AFormFromBeforeTheKeysChanged_ComesBackWithAStampThatHolds_SoTheNextSendGoesThrough()
    {
        // When the cookie failed because the keys changed (restored, lost), the form's time stamp
        // cannot be read either; shown again with it, the next send would be „too fast“ once more.
        var (_, form) = await _site.CreatePlainClient().GetPageAsync("/mitzeichnen");
        form.QuerySelector<IHtmlInputElement>("input[name=Started]")!.Value = "unlesbar";
        var browser = _site.CreatePlainClient();

        var failed = await browser.SubmitAsync(form, "form.form", Typed());
        _site.Clock.Advance(TimeSpan.FromSeconds(20));
        var again = await browser.SubmitAsync(await failed.ReadDocumentAsync(), "form.form", new Dictionary<string, string?>());

        Assert.Equal("/mitzeichnen/danke", again.Headers.Location?.OriginalString);
    }
}
