using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>What an applicant does, step by step, against a running site.</summary>
public static class SigningSteps
{
    /// <summary>Opens /mitzeichnen, takes the time a person takes, fills in the form and sends it.</summary>
    public static async Task<HttpResponseMessage> ApplyAsync(this SiteFactory site, HttpClient client, IReadOnlyDictionary<string, string?> values, (string FileName, byte[] Bytes)? logo = null)
    {
        var (_, form) = await client.GetPageAsync("/mitzeichnen");
        site.Clock.Advance(TimeSpan.FromSeconds(20));
        return await client.SubmitAsync(form, "form.form", values, files: logo is { } file ? new Dictionary<string, (string, byte[])> { ["Input.Logo"] = file } : null);
    }

    /// <summary>The site-relative path of the link in a mail, e.g. "/mitzeichnen/bestaetigen/…".</summary>
    public static string LinkIn(string? mailText, string pathStart)
    {
        Assert.NotNull(mailText);
        var start = mailText.IndexOf(SiteFactory.PublicBaseUrl + pathStart, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No link to {pathStart} in the mail:\n{mailText}");
        var end = mailText.IndexOfAny([' ', '\n', '\r'], start);
        return mailText[start..(end < 0 ? mailText.Length : end)][SiteFactory.PublicBaseUrl.Length..];
    }
}
