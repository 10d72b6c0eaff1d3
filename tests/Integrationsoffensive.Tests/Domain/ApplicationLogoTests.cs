using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>The logo belongs to the application: it goes with the contact data, and a moderator may take it away.</summary>
public sealed class ApplicationLogoTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Now.AddDays(31);

    private static Application In(ApplicationStatus status) => Applications.InStatus(status, Now, logo: Applications.Logo());

    [Fact]
    public void Submit_WithALogo_KeepsIt_AndSaysSoInTheHistory()
    {
        var application = In(ApplicationStatus.Submitted);

        Assert.NotNull(application.Logo);
        Assert.Equal("mit Logo", application.History[0].Details);
        Assert.Equal("", Applications.InStatus(ApplicationStatus.Submitted, Now).History[0].Details);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Confirmed)]
    [InlineData(ApplicationStatus.Published)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Unpublished)]
    public void Withdraw_FromAnyStatus_TakesTheLogoWithTheContactData(ApplicationStatus status)
    {
        var application = In(status);

        application.Withdraw(Later);

        Assert.Null(application.Logo);
    }

    [Theory]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Unpublished)]
    public void PurgeAfterRetention_TakesTheLogoWithTheContactData(ApplicationStatus status)
    {
        var application = In(status);

        application.PurgeContactDataAfterRetention(Later);

        Assert.Null(application.Logo);
    }

    [Fact]
    public void RemoveLogo_TakesIt_AndRecordsTheModerator()
    {
        var application = In(ApplicationStatus.Published);
        var stamp = application.ConcurrencyStamp;

        application.RemoveLogo("mod@beispiel.de", Later);

        Assert.Null(application.Logo);
        Assert.NotEqual(stamp, application.ConcurrencyStamp);
        Assert.Equal((AuditAction.LogoRemoved, "mod@beispiel.de", Later), (application.History[^1].Action, application.History[^1].Actor, application.History[^1].OccurredAt));
        Assert.Equal("Logo entfernt", AuditLabels.Of(AuditAction.LogoRemoved));
        Assert.Equal(ApplicationStatus.Published, application.Status);
    }

    [Fact]
    public void RemoveLogo_WithoutOne_IsRefused()
    {
        var application = Applications.InStatus(ApplicationStatus.Confirmed, Now);

        Assert.Throws<InvalidTransitionException>(() => application.RemoveLogo("mod@beispiel.de", Later));
        Assert.DoesNotContain(application.History, e => e.Action == AuditAction.LogoRemoved);
    }
}
