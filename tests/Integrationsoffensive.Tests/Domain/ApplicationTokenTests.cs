using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>Link tokens: random, stored only as their hash, expiring when they should.</summary>
public sealed class ApplicationTokenTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static Application Submitted() => Applications.InStatus(ApplicationStatus.Submitted, Now);

    [Fact]
    public void IssuedToken_IsStoredOnlyAsItsHash()
    {
        var application = Submitted();

        var (token, value) = ApplicationToken.Issue(application, TokenPurpose.Confirm, Now, TimeSpan.FromDays(7));

        Assert.True(value.Length >= 43, "256 bits in base64url");
        Assert.DoesNotContain(value, token.Hash, StringComparison.Ordinal);
        Assert.Equal(ApplicationToken.HashOf(value), token.Hash);
        Assert.False(token.IsExpired(Now.AddDays(7).AddSeconds(-1)));
        Assert.True(token.IsExpired(Now.AddDays(7)));
    }

    [Fact]
    public void IssuedToken_BelongsToItsApplication_WithPurposeAndTimes()
    {
        var application = Submitted();

        var (token, _) = ApplicationToken.Issue(application, TokenPurpose.Withdraw, Now, TimeSpan.FromDays(7));

        Assert.Same(token, Assert.Single(application.Tokens));
        Assert.Same(application, token.Application);
        Assert.Equal(TokenPurpose.Withdraw, token.Purpose);
        Assert.Equal(Now, token.CreatedAt);
        Assert.Equal(Now.AddDays(7), token.ExpiresAt);
    }

    [Fact]
    public void TokenValues_AreUrlSafe256BitValues_NeverTheSame()
    {
        var application = Submitted();

        var values = Enumerable.Range(0, 40).Select(_ => ApplicationToken.Issue(application, TokenPurpose.Confirm, Now, null).Value).ToList();

        Assert.All(values, v => Assert.Matches("^[A-Za-z0-9_-]{43}$", v));
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void TokenWithoutLifetime_NeverExpires()
    {
        var (token, _) = ApplicationToken.Issue(Submitted(), TokenPurpose.Withdraw, Now, lifetime: null);

        Assert.Null(token.ExpiresAt);
        Assert.False(token.IsExpired(Now.AddYears(10)));
    }

    [Fact]
    public void TokenWithLifetime_WorksUntilItsEnd_NotBefore()
    {
        var (token, _) = ApplicationToken.Issue(Submitted(), TokenPurpose.Confirm, Now, TimeSpan.FromHours(1));

        Assert.False(token.IsExpired(Now));
        Assert.False(token.IsExpired(Now.AddHours(1).AddTicks(-1)));
        Assert.True(token.IsExpired(Now.AddHours(1)));
        Assert.True(token.IsExpired(Now.AddHours(2)));
    }

    [Fact]
    public void HashOf_IsTheUpperCaseHexSha256OfTheUtf8Value() =>
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", ApplicationToken.HashOf("abc"));
}
