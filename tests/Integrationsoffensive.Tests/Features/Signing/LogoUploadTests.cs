using System.Net;
using AngleSharp.Html.Dom;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>The logo on the real form, posted as a browser posts it (multipart, antiforgery, form stamp).</summary>
public sealed class LogoUploadTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Apply_WithAPngLogo_StoresItReencoded_InItsOwnTable()
    {
        var upload = LogoSamples.Png(400, 100);

        var response = await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues(), ("logo.png", upload));

        Assert.Equal("/mitzeichnen/danke", response.Headers.Location!.OriginalString);
        var stored = await _site.WithDbAsync(db => db.Applications.Include(a => a.Logo).AsNoTracking().SingleAsync());
        Assert.NotNull(stored.Logo);
        Assert.Equal((192, 192), (Png.Read(stored.Logo.Large).Width, Png.Read(stored.Logo.Large).Height));
        Assert.NotEqual(upload, stored.Logo.Large);
        Assert.Contains("mit Logo", await _site.WithDbAsync(db => db.AuditEntries.Select(e => e.Details).SingleAsync()));
    }

    [Fact]
    public async Task Apply_WithoutALogo_StoresNoLogo()
    {
        var response = await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues());

        Assert.Equal("/mitzeichnen/danke", response.Headers.Location!.OriginalString);
        Assert.Equal(1, await _site.WithDbAsync(db => db.Applications.CountAsync()));
        Assert.Equal(0, await _site.WithDbAsync(db => db.ApplicationLogos.CountAsync()));
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "svg", LogoFile.WrongType },
        { "gif", LogoFile.WrongType },
        { "bomb", LogoFile.TooManyPixels },
        { "truncated", LogoFile.Damaged },
        { "zip", LogoFile.Damaged },
        { "jpeg-garbage", LogoFile.Damaged },
        { "too-large", LogoFile.TooLarge },
        { "phone-photo", LogoFile.TooLarge }, // 12 MB: a photo from a phone, or an export from a design program
    };

    private static (string, byte[]) Sample(string kind) => kind switch
    {
        "svg" => ("logo.png", LogoSamples.Svg()), // the name says PNG; the bytes decide
        "gif" => ("logo.gif", LogoSamples.Gif()),
        "bomb" => ("logo.png", LogoSamples.PngDeclaring(30000, 30000)),
        "truncated" => ("logo.png", LogoSamples.Png()[..300]),
        "zip" => ("logo.png", LogoSamples.PngWithZip()),
        "jpeg-garbage" => ("logo.jpg", LogoSamples.JpegHeaderWithGarbage()),
        "phone-photo" => ("IMG_2041.jpg", [.. LogoSamples.JpegHeaderWithGarbage(), .. new byte[12_000_000]]),
        _ => ("logo.png", [.. LogoSamples.Png(), .. new byte[LogoFile.MaxBytes + 1 - LogoSamples.Png().Length]]),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Apply_WithABadLogo_ShowsWhyNextToTheField_KeepsEveryOtherValue_AndStoresNothing(string kind, string message)
    {
        var values = Applications.FormValues();

        var response = await _site.ApplyAsync(_site.CreatePlainClient(), values, Sample(kind));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var error = page.GetElementById("Input_Logo-fehler")!;
        Assert.Contains(message, error.TextContent);
        Assert.Equal("true", page.GetElementById("Input_Logo")!.GetAttribute("aria-invalid"));
        Assert.Contains(page.QuerySelectorAll(".error-summary a"), a => a.GetAttribute("href") == "#Input_Logo");
        Assert.Equal(values["Input.OrganizationName"], ((IHtmlInputElement)page.GetElementById("Input_OrganizationName")!).Value);
        Assert.Equal(values["Input.Email"], ((IHtmlInputElement)page.GetElementById("Input_Email")!).Value);
        Assert.Equal(values["Input.Statement"], page.GetElementById("Input_Statement")!.TextContent);
        Assert.True(((IHtmlInputElement)page.GetElementById("Input_Consent")!).IsChecked);
        Assert.Equal(0, await _site.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task Apply_WithAFileBeyondWhatTheFormTakes_IsToldInGermanThatTheFileIsTooLarge()
    {
        var huge = new byte[ApplyModel.MaxRequestBytes + 1];

        var response = await _site.ApplyAsync(_site.CreatePlainClient(), Applications.FormValues(), ("scan.tif", huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Die Datei ist zu groß", page.QuerySelector("h1")!.Text());
        Assert.Contains("höchstens 2 MB", page.QuerySelector("main")!.TextContent);
        Assert.Equal(0, await _site.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task Apply_AfterARefusedLogo_GoesThroughWithAGoodOne_FromTheSameForm()
    {
        var client = _site.CreatePlainClient();
        var refused = await (await _site.ApplyAsync(client, Applications.FormValues(), Sample("svg"))).ReadDocumentAsync();

        var response = await client.SubmitAsync(refused, "form.form", new Dictionary<string, string?>(),
            files: new Dictionary<string, (string, byte[])> { ["Input.Logo"] = ("logo.jpg", LogoSamples.JpegWithGps()) });

        Assert.Equal("/mitzeichnen/danke", response.Headers.Location!.OriginalString);
        Assert.Equal(1, await _site.WithDbAsync(db => db.ApplicationLogos.CountAsync()));
    }

    [Fact]
    public async Task Apply_TooFastWithAGoodLogo_AsksToChooseTheFileAgain_BecauseTheFormCannotKeepIt()
    {
        var client = _site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen"); // and sent at once: faster than a person

        var response = await client.SubmitAsync(form, "form.form", Applications.FormValues(),
            files: new Dictionary<string, (string, byte[])> { ["Input.Logo"] = ("logo.png", LogoSamples.Png()) });

        var page = await response.ReadDocumentAsync();
        Assert.Contains(ApplyModel.TooFastMessage, page.QuerySelector(".error-summary")!.TextContent);
        Assert.Contains(ApplyModel.ChooseLogoAgainMessage, page.GetElementById("Input_Logo-fehler")!.TextContent);
        Assert.Equal(0, await _site.WithDbAsync(db => db.Applications.CountAsync()));
    }
}
