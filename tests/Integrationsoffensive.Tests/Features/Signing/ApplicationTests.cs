using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>The application's states: only the allowed transitions, each with its audit entry.</summary>
public sealed class ApplicationTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static Application Submitted() => Application.Submit(Applications.Details(), "2023-11", ConsentText.Version, false, Now);

    [Fact]
    public void Submit_StartsSubmitted_WithOneAuditEntry()
    {
        var application = Submitted();

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal("fluechtlingshilfemusterstadt", application.NormalizedName);
        Assert.Equal(AuditAction.Submitted, Assert.Single(application.History).Action);
    }

    [Fact]
    public void Confirm_Twice_ChangesOnlyOnce()
    {
        var application = Submitted();

        Assert.True(application.Confirm(Now));
        Assert.False(application.Confirm(Now.AddHours(1)));

        Assert.Equal(Now, application.ConfirmedAt);
        Assert.Single(application.History, e => e.Action == AuditAction.Confirmed);
    }

    [Fact]
    public void Publish_BeforeConfirmation_IsRefused()
    {
        var application = Submitted();

        Assert.Throws<InvalidTransitionException>(() => application.Publish("mod@example.org", Now));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void Publish_AfterConfirmation_StampsTheModerator()
    {
        var application = Submitted();
        application.Confirm(Now);

        application.Publish("mod@example.org", Now.AddDays(1));

        Assert.Equal(ApplicationStatus.Published, application.Status);
        Assert.Equal("mod@example.org", application.ModeratedBy);
        Assert.Equal("mod@example.org", application.History[^1].Actor);
    }

    [Fact]
    public void Withdraw_DeletesContactData_AndChangesTheConcurrencyStamp()
    {
        var application = Submitted();
        application.Confirm(Now);
        var stamp = application.ConcurrencyStamp;

        Assert.True(application.Withdraw(Now));

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Null(application.Email);
        Assert.Null(application.ContactName);
        Assert.Null(application.Phone);
        Assert.Equal("Flüchtlingshilfe Musterstadt e. V.", application.OrganizationName);
        Assert.NotEqual(stamp, application.ConcurrencyStamp);
        Assert.False(application.Withdraw(Now));
    }

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
}

public sealed class TextInputTests
{
    [Theory]
    [InlineData("  Verein   Zuflucht  ", "Verein Zuflucht")]
    [InlineData("Verein\r\nZuflucht", "Verein Zuflucht")]
    [InlineData("Verein\u0000\u0007Zuflucht", "VereinZuflucht")]
    [InlineData("\u202Eevil\u202C", "evil")]
    [InlineData("\u2066isolate\u2069", "isolate")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("Willkommen 🌍", "Willkommen 🌍")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void SingleLine_CleansWhatPeopleType(string? input, string? expected) =>
        Assert.Equal(expected, TextInput.SingleLine(input));

    [Fact]
    public void MultiLine_KeepsParagraphs_ButNoMoreThanOneBlankLine() =>
        Assert.Equal("Eins\nzwei\n\ndrei", TextInput.MultiLine("  Eins  \r\nzwei\r\n\r\n\r\n\r\ndrei\t "));

    [Theory]
    [InlineData("Diakonie Hessen", "DIAKONIE  HESSEN")]
    [InlineData("Diakonie Hessen", "diakoniehessen")]
    [InlineData("Café Zuflucht", "Cafe\u0301 Zuflucht")]
    public void OrganizationNames_CompareWithoutCaseSpacesOrUnicodeForm(string a, string b) =>
        Assert.Equal(OrganizationNames.Normalize(a), OrganizationNames.Normalize(b));

    [Theory]
    [InlineData("Name@Beispiel.DE", "name@beispiel.de")]
    [InlineData("anna.b+aufruf@verein.example", "anna.b+aufruf@verein.example")]
    [InlineData("keine-adresse", null)]
    [InlineData("anna@localhost", null)]
    [InlineData("Anna <anna@beispiel.de>", null)]
    [InlineData("a@b@c.de", null)]
    [InlineData("@beispiel.de", null)]
    public void NormalizedEmail_AcceptsOnlyOnePlainAddress(string input, string? expected) =>
        Assert.Equal(expected, EmailAddress.Normalize(input));
}
