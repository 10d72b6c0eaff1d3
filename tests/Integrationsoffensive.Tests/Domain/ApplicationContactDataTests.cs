using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>When contact data go: at once on withdrawal, after the retention period on a decision.</summary>
public sealed class ApplicationContactDataTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Now.AddDays(31);

    private static Application In(ApplicationStatus status) => Applications.InStatus(status, Now);

    private static void AssertContactDataGone(Application application, DateTime purgedAt)
    {
        Assert.Equal((null, null, null), (application.ContactName, application.Email, application.Phone));
        Assert.False(application.HasContactData);
        Assert.Equal(purgedAt, application.ContactDataPurgedAt);
        Assert.Equal(Applications.Details().PublicFields, application.PublicFields);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Confirmed)]
    [InlineData(ApplicationStatus.Published)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Unpublished)]
    public void Withdraw_FromAnyStatus_PurgesContactDataAtOnce(ApplicationStatus status)
    {
        var application = In(status);
        var stamp = application.ConcurrencyStamp;

        Assert.True(application.Withdraw(Later));

        Assert.Equal((ApplicationStatus.Withdrawn, Later), (application.Status, application.WithdrawnAt));
        AssertContactDataGone(application, Later);
        Assert.NotEqual(stamp, application.ConcurrencyStamp);
        Assert.Equal((AuditAction.Withdrawn, AuditActors.Applicant, Later), (application.History[^1].Action, application.History[^1].Actor, application.History[^1].OccurredAt));
    }

    [Fact]
    public void Withdraw_DeletesContactData_AndChangesTheConcurrencyStamp()
    {
        var application = In(ApplicationStatus.Submitted);
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
    public void Withdraw_Again_ChangesNothing()
    {
        var application = In(ApplicationStatus.Withdrawn);
        var (stamp, entries) = (application.ConcurrencyStamp, application.History.Count);

        Assert.False(application.Withdraw(Later));

        Assert.Equal((Now, Now), (application.WithdrawnAt, application.ContactDataPurgedAt));
        Assert.Equal((stamp, entries), (application.ConcurrencyStamp, application.History.Count));
    }

    [Fact]
    public void Withdraw_FromRejected_AfterTheRetentionPurge_KeepsTheFirstPurgeTime()
    {
        var application = In(ApplicationStatus.Rejected);
        application.PurgeContactDataAfterRetention(Later);

        application.Withdraw(Later.AddDays(1));

        Assert.Equal(Later, application.ContactDataPurgedAt);
        Assert.Equal(Later.AddDays(1), application.WithdrawnAt);
    }

    [Theory]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Unpublished)]
    public void PurgeAfterRetention_OfADecidedApplication_DeletesContactData_KeepsStatus(ApplicationStatus status)
    {
        var application = In(status);
        var stamp = application.ConcurrencyStamp;

        application.PurgeContactDataAfterRetention(Later);

        Assert.Equal(status, application.Status);
        AssertContactDataGone(application, Later);
        Assert.NotEqual(stamp, application.ConcurrencyStamp);
        Assert.Equal(Later, application.UpdatedAt);
        var entry = application.History[^1];
        Assert.Equal((AuditAction.ContactDataPurged, AuditActors.System, Later), (entry.Action, entry.Actor, entry.OccurredAt));
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Confirmed)]
    [InlineData(ApplicationStatus.Published)]
    public void PurgeAfterRetention_OfAnUndecidedOrPublishedApplication_IsRefused_ContactDataStay(ApplicationStatus status)
    {
        var application = In(status);
        var entries = application.History.Count;

        Assert.Throws<InvalidTransitionException>(() => application.PurgeContactDataAfterRetention(Later));

        Assert.True(application.HasContactData);
        Assert.Equal("Anna Beispiel", application.ContactName);
        Assert.Null(application.ContactDataPurgedAt);
        Assert.Equal((status, entries), (application.Status, application.History.Count));
    }

    [Fact]
    public void PurgeAfterRetention_OfAWithdrawnApplication_IsRefused()
    {
        var application = In(ApplicationStatus.Withdrawn);
        var entries = application.History.Count;

        Assert.Throws<InvalidTransitionException>(() => application.PurgeContactDataAfterRetention(Later));

        Assert.Equal(entries, application.History.Count);
    }
}
