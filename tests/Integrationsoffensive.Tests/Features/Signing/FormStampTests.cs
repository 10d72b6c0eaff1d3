using System.Net;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>
/// The form's time stamp (the minimum fill time) serves one application: a script that fetched the
/// form once cannot send many applications with it, sequentially or in parallel.
/// </summary>
public sealed class FormStampTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task OneFetchedForm_CarriesOneApplication_TheOthersAreAskedToSendAgain()
    {
        var client = _site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen");
        _site.Clock.Advance(TimeSpan.FromSeconds(20));

        var first = await client.SubmitAsync(form, "form.form", Applications.FormValues(name: "Verein 0", email: "a0@beispiel.de"));
        var again = await client.SubmitAsync(form, "form.form", Applications.FormValues(name: "Verein 1", email: "a1@beispiel.de"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("noch einmal", (await again.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(1, await _site.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task OneFetchedForm_SentWithManyDifferentApplicationsAtOnce_StoresOne()
    {
        var client = _site.CreatePlainClient();
        var (_, form) = await client.GetPageAsync("/mitzeichnen");
        _site.Clock.Advance(TimeSpan.FromSeconds(20));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            client.SubmitAsync(form, "form.form", Applications.FormValues(name: $"Verein {i}", email: $"a{i}@beispiel.de"))));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"answered {(int)a.StatusCode}"));
        Assert.Equal(1, await _site.WithDbAsync(db => db.Applications.CountAsync()));
    }
}
