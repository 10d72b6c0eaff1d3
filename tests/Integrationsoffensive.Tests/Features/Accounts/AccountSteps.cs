using System.Net;
using AngleSharp.Html.Dom;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Accounts;

/// <summary>Steps the account tests share: signing in step by step, an admin's button on a row, the link in a mail.</summary>
public static class AccountSteps
{
    /// <summary>Password, then code; where the code step leads ("/moderation"), or null when either step refused.</summary>
    public static async Task<string?> TrySignInAsync(this SiteFactory site, string email, string password, string code)
    {
        var client = site.CreatePlainClient();
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        var first = await client.SubmitAsync(login, "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (first.StatusCode != HttpStatusCode.Redirect || first.Headers.Location!.OriginalString.StartsWith("/konto/anmelden/code", StringComparison.Ordinal) is false)
        {
            return null;
        }

        var (_, codePage) = await client.GetPageAsync(first.Headers.Location.OriginalString);
        var second = await client.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = code });
        return second.StatusCode == HttpStatusCode.Redirect ? second.Headers.Location!.OriginalString : null;
    }

    /// <summary>Presses a row's button on the admins' account page (handler: Reinvite, ResetTwoFactor, Disable, Enable).</summary>
    public static async Task<HttpResponseMessage> AccountActionAsync(this HttpClient admin, string handler, string email)
    {
        var (_, page) = await admin.GetPageAsync("/moderation/admin/moderatoren");
        var form = (IHtmlFormElement)page.QuerySelectorAll($"form[action*='handler={handler}']")
            .Single(f => f.QuerySelector("input[name=AccountEmail]")!.GetAttribute("value") == email);
        return await admin.PostAsync(form.Action, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("AccountEmail", email),
        ]));
    }

    /// <summary>The site-relative link of the newest mail with this subject to this address.</summary>
    public static async Task<string> LinkInMailAsync(this SiteFactory site, string subject, string to, int count = 1)
    {
        var mails = await site.WaitForPickupMailsAsync(m => m.Subject == subject && m.To.Mailboxes.Any(b => b.Address == to), count);
        var text = mails[^1].TextBody!;
        var start = text.IndexOf(SiteFactory.PublicBaseUrl + "/konto/", StringComparison.Ordinal);
        Assert.True(start >= 0, "no link in: " + text);
        var end = text.IndexOf('\n', start);
        return text[(start + SiteFactory.PublicBaseUrl.Length)..end];
    }
}
