using System.Net;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Accounts;

/// <summary>
/// Many sign-in attempts at once, as a script would send them, against a real SQLite file: every
/// failure counts (no lost update), five lock the account, and no attempt ever answers 500.
/// </summary>
public sealed class LockoutRaceTests : IDisposable
{
    private const int Attempts = 30;
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private static async Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email, string password)
    {
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        return await client.SubmitAsync(login, "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    private Task<List<AuditEntry>> FailuresAsync(string email) => _site.WithDbAsync(db => db.AuditEntries.AsNoTracking()
        .Where(e => e.Actor == email && (e.Action == AuditAction.LoginFailed || e.Action == AuditAction.LockedOut)).ToListAsync());

    [Fact]
    public async Task ParallelWrongPasswords_EachCount_AndLockTheAccount_WithoutA500()
    {
        var moderator = await _site.CreateModeratorAsync();
        var clients = Enumerable.Range(0, Attempts).Select(_ => _site.CreatePlainClient()).ToList();
        var forms = await Task.WhenAll(clients.Select(c => c.GetPageAsync("/konto/anmelden")));

        var answers = await Task.WhenAll(clients.Select((c, i) => c.SubmitAsync(forms[i].Document, "main form",
            new Dictionary<string, string?> { ["Input.Email"] = moderator.Email, ["Input.Password"] = "falsch " + i })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(Attempts, (await FailuresAsync(moderator.Email)).Count);
        var correct = await PasswordStepAsync(_site.CreatePlainClient(), moderator.Email, moderator.Password);
        Assert.Equal(HttpStatusCode.OK, correct.StatusCode); // the form again: locked, not the code page
    }

    [Fact]
    public async Task ParallelAttempts_WithTheRightPasswordAmongThem_AreAllAnsweredAndAudited()
    {
        var moderator = await _site.CreateModeratorAsync();
        var passwords = Enumerable.Range(0, Attempts).Select(i => i == Attempts / 2 ? moderator.Password : "falsch " + i).ToList();
        var clients = passwords.Select(_ => _site.CreatePlainClient()).ToList();
        var forms = await Task.WhenAll(clients.Select(c => c.GetPageAsync("/konto/anmelden")));

        var answers = await Task.WhenAll(clients.Select((c, i) => c.SubmitAsync(forms[i].Document, "main form",
            new Dictionary<string, string?> { ["Input.Email"] = moderator.Email, ["Input.Password"] = passwords[i] })));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"answered {(int)a.StatusCode}"));
        Assert.True((await FailuresAsync(moderator.Email)).Count >= Attempts - 1);
    }

    [Fact]
    public async Task ParallelWrongAuthenticatorCodes_EachCount_AndLockTheAccount()
    {
        var moderator = await _site.CreateModeratorAsync();
        var client = _site.CreatePlainClient();
        var first = await PasswordStepAsync(client, moderator.Email, moderator.Password);
        var (_, codePage) = await client.GetPageAsync(first.Headers.Location!.OriginalString);

        var answers = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(i => client.SubmitAsync(codePage, "main form",
            new Dictionary<string, string?> { ["Input.Code"] = (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(Attempts, (await FailuresAsync(moderator.Email)).Count);
        var right = await client.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = moderator.NextCode() });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // locked: the right code does not open the queue now
    }

    [Fact]
    public async Task WrongRecoveryCodes_CountTowardsTheLockout()
    {
        var moderator = await _site.CreateModeratorAsync();
        var client = _site.CreatePlainClient();
        var first = await PasswordStepAsync(client, moderator.Email, moderator.Password);
        var (_, codePage) = await client.GetPageAsync(first.Headers.Location!.OriginalString);

        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = "falsch-" + i + "-xxxx" });
        }

        var right = await client.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = moderator.NextCode() });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(await FailuresAsync(moderator.Email), e => e.Action == AuditAction.LockedOut);
    }
}
