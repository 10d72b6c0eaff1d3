using System.Net;
using Integrationsoffensive.Hosting;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Features.Appeal;

/// <summary>Sharing without third-party code: plain links with the text filled in, built without a request.</summary>
public sealed class ShareTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly string[] Networks = ["email", "whatsapp", "signal", "telegram", "bluesky", "mastodon", "threads", "x", "facebook", "linkedin"];

    private ShareLinks Links()
    {
        _ = site.Server; // builds the host, so the link generator knows the pages
        return site.Services.GetRequiredService<ShareLinks>();
    }

    [Fact]
    public void Builder_GivesAbsoluteLinksForEveryNetwork_WithTheTextAndTheAppealsAddress()
    {
        var share = Links().For(ShareSubject.Appeal);

        Assert.Equal(SiteFactory.PublicBaseUrl + "/", share.Url);
        Assert.Equal(Networks, share.Targets.Select(t => t.Key));
        var encodedUrl = Uri.EscapeDataString(share.Url);
        Assert.All(share.Targets.Where(t => t.Key is not ("signal" or "mastodon")), t => Assert.Contains(encodedUrl, t.Href));
        Assert.All(share.Targets.Where(t => t.Key is not ("signal" or "mastodon" or "facebook" or "linkedin")), t => Assert.Contains(Uri.EscapeDataString("Integrationsoffensive"), t.Href));
        Assert.StartsWith("https://wa.me/?text=", Target(share, "whatsapp"));
        Assert.StartsWith("mailto:?subject=", Target(share, "email"));
        Assert.Equal(SiteFactory.PublicBaseUrl + "/teilen/mastodon?inhalt=aufruf", Target(share, "mastodon"));
        Assert.True(share.Targets.Single(t => t.Key == "signal").CopiesText);
    }

    [Fact]
    public void Builder_HasATextForNewCoSigners_ThatSaysTheySigned()
    {
        var share = Links().For(ShareSubject.CoSigned);

        Assert.StartsWith("Wir haben den „Aufruf für eine Integrationsoffensive“ mitgezeichnet.", share.Text);
        Assert.EndsWith(" " + SiteFactory.PublicBaseUrl + "/", share.TextWithUrl);
        Assert.EndsWith("?inhalt=mitgezeichnet", Target(share, "mastodon"));
    }

    [Theory]
    [InlineData("/", "Aufruf teilen")]
    [InlineData("/mitzeichnen/danke", "Sagen Sie es weiter")]
    [InlineData("/mitzeichnen/bestaetigt", "Sagen Sie es weiter")]
    public async Task Pages_OfferEveryNetwork_AsPlainLinks_WithTheTextToCopy(string path, string heading)
    {
        var (_, page) = await site.CreatePlainClient().GetPageAsync(path);

        var box = page.QuerySelector("section.share")!;
        Assert.Equal(heading, box.QuerySelector("h2")!.Text());
        Assert.Equal(10, box.QuerySelectorAll("a.share__link").Length);
        Assert.Contains(box.QuerySelectorAll("a.share__link"), a => a.GetAttribute("href")!.StartsWith("https://t.me/share/url?url=", StringComparison.Ordinal));
        Assert.EndsWith(SiteFactory.PublicBaseUrl + "/", box.QuerySelector("textarea#teilen-text")!.TextContent);
        Assert.Matches("^/js/share\\.[a-z0-9]+\\.js$", box.QuerySelector("script")!.GetAttribute("src"));
        Assert.NotNull(box.QuerySelector("button[data-copy][hidden]"));
    }

    [Theory]
    [InlineData("mastodon.social", "mastodon.social")]
    [InlineData("https://Chaos.Social/@someone", "chaos.social")]
    [InlineData("@name@mastodon.example.org", "mastodon.example.org")]
    public async Task Mastodon_SendsTheReaderToTheirInstancesShareForm(string typed, string host)
    {
        var response = await site.CreatePlainClient().GetAsync("/teilen/mastodon?inhalt=aufruf&instanz=" + Uri.EscapeDataString(typed));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = response.Headers.Location!.ToString();
        Assert.StartsWith($"https://{host}/share?text=", target);
        Assert.Contains(Uri.EscapeDataString(SiteFactory.PublicBaseUrl + "/"), target);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("mastodon.social:8080")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:pw@mastodon.social/")]
    public async Task Mastodon_RefusesWhatIsNotAnInstance_WithAnErrorTitle(string typed)
    {
        var (response, page) = await site.CreatePlainClient().GetPageAsync("/teilen/mastodon?inhalt=aufruf&instanz=" + Uri.EscapeDataString(typed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Fehler: ", page.Title);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#instanz']"));
        Assert.Equal(typed, page.QuerySelector("input#instanz")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Mastodon_AsksForTheInstance_InAFormThatMayLeaveTheSite_AndKnowsOnlyItsOwnTexts()
    {
        var client = site.CreatePlainClient();
        var (response, page) = await client.GetPageAsync("/teilen/mastodon?inhalt=mitgezeichnet");
        var unknown = await client.GetAsync("/teilen/mastodon?inhalt=beliebiger-text");

        Assert.Equal("get", page.QuerySelector("form")!.GetAttribute("method"));
        Assert.Equal("mitgezeichnet", page.QuerySelector("input[name=inhalt]")!.GetAttribute("value"));
        Assert.Contains("form-action 'self' https:", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static string Target(Share share, string key) => share.Targets.Single(t => t.Key == key).Href;
}
