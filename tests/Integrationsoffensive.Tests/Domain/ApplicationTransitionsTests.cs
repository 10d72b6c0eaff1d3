using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>The application's states: only the allowed transitions, each stamped and with its audit entry.</summary>
public sealed class ApplicationTransitionsTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Now.AddDays(2);

    private static Application In(ApplicationStatus status) => Applications.InStatus(status, Now);

    /// <summary>Runs the change and checks that it was stamped and recorded as the last audit entry.</summary>
    private static AuditEntry RecordedBy(Application application, Action change)
    {
        var (stamp, entries) = (application.ConcurrencyStamp, application.History.Count);
        change();
        Assert.NotEqual(stamp, application.ConcurrencyStamp);
        Assert.Equal(Later, application.UpdatedAt);
        Assert.Equal(entries + 1, application.History.Count);
        Assert.Equal(Later, application.History[^1].OccurredAt);
        return application.History[^1];
    }

    private static void AssertRefused(Application application, Action change)
    {
        var (status, stamp, entries) = (application.Status, application.ConcurrencyStamp, application.History.Count);
        Assert.Throws<InvalidTransitionException>(change);
        Assert.Equal((status, stamp, entries), (application.Status, application.ConcurrencyStamp, application.History.Count));
    }

    [Fact]
    public void Confirm_FromSubmitted_StampsTheTime()
    {
        var application = In(ApplicationStatus.Submitted);

        var entry = RecordedBy(application, () => Assert.True(application.Confirm(Later)));

        Assert.Equal(ApplicationStatus.Confirmed, application.Status);
        Assert.Equal(Later, application.ConfirmedAt);
        Assert.Equal((AuditAction.Confirmed, AuditActors.Applicant), (entry.Action, entry.Actor));
    }

    [Fact]
    public void Confirm_Twice_ChangesOnlyOnce()
    {
        var application = In(ApplicationStatus.Submitted);

        Assert.True(application.Confirm(Now));
        Assert.False(application.Confirm(Now.AddHours(1)));

        Assert.Equal(Now, application.ConfirmedAt);
        Assert.Single(application.History, e => e.Action == AuditAction.Confirmed);
    }

    [Theory]
    [InlineData(ApplicationStatus.Published)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Confirm_AfterSubmitted_ChangesNothing(ApplicationStatus status)
    {
        var application = In(status);
        var entries = application.History.Count;

        Assert.False(application.Confirm(Later));

        Assert.Equal((status, Now, entries), (application.Status, application.ConfirmedAt, application.History.Count));
    }

    [Fact]
    public void RecordConfirmationResent_OnlyRecords()
    {
        var application = In(ApplicationStatus.Submitted);

        var entry = RecordedBy(application, () => application.RecordConfirmationResent(Later));

        Assert.Equal((AuditAction.ConfirmationResent, AuditActors.Applicant), (entry.Action, entry.Actor));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void Publish_FromConfirmed_StampsTimeAndModerator()
    {
        var application = In(ApplicationStatus.Confirmed);

        var entry = RecordedBy(application, () => application.Publish("mod@example.org", Later));

        Assert.Equal((ApplicationStatus.Published, Later, "mod@example.org"), (application.Status, application.PublishedAt, application.ModeratedBy));
        Assert.Equal((AuditAction.Published, "mod@example.org"), (entry.Action, entry.Actor));
    }

    [Fact]
    public void Publish_BeforeConfirmation_IsRefused()
    {
        var application = In(ApplicationStatus.Submitted);

        Assert.Throws<InvalidTransitionException>(() => application.Publish("mod@example.org", Now));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void Publish_AfterConfirmation_StampsTheModerator()
    {
        var application = In(ApplicationStatus.Submitted);
        application.Confirm(Now);

        application.Publish("mod@example.org", Now.AddDays(1));

        Assert.Equal(ApplicationStatus.Published, application.Status);
        Assert.Equal("mod@example.org", application.ModeratedBy);
        Assert.Equal("mod@example.org", application.History[^1].Actor);
    }

    [Theory]
    [InlineData(ApplicationStatus.Published)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Unpublished)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Publish_InAnyOtherStatusThanConfirmed_IsRefused(ApplicationStatus status)
    {
        var application = In(status);

        AssertRefused(application, () => application.Publish("mod@example.org", Later));
    }

    [Fact]
    public void Reject_FromConfirmed_StampsTimeReasonAndModerator()
    {
        var application = In(ApplicationStatus.Confirmed);

        var entry = RecordedBy(application, () => application.Reject("mod@example.org", "Nicht überprüfbar", Later));

        Assert.Equal((ApplicationStatus.Rejected, Later), (application.Status, application.RejectedAt));
        Assert.Equal(("Nicht überprüfbar", "mod@example.org"), (application.RejectionReason, application.ModeratedBy));
        Assert.Equal((AuditAction.Rejected, "mod@example.org", "Nicht überprüfbar"), (entry.Action, entry.Actor, entry.Details));
        Assert.True(application.HasContactData);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Published)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Unpublished)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Reject_InAnyOtherStatusThanConfirmed_IsRefused(ApplicationStatus status)
    {
        var application = In(status);

        AssertRefused(application, () => application.Reject("mod@example.org", "Nicht überprüfbar", Later));
    }

    [Theory]
    [InlineData("Website nicht mehr erreichbar", "Website nicht mehr erreichbar")]
    [InlineData(null, "")]
    public void Unpublish_FromPublished_StampsTimeNoteAndModerator(string? note, string details)
    {
        var application = In(ApplicationStatus.Published);

        var entry = RecordedBy(application, () => application.Unpublish("zweite@example.org", note, Later));

        Assert.Equal((ApplicationStatus.Unpublished, Later, "zweite@example.org"), (application.Status, application.UnpublishedAt, application.ModeratedBy));
        Assert.Equal((AuditAction.Unpublished, "zweite@example.org", details), (entry.Action, entry.Actor, entry.Details));
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Confirmed)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Unpublished)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Unpublish_InAnyOtherStatusThanPublished_IsRefused(ApplicationStatus status)
    {
        var application = In(status);

        AssertRefused(application, () => application.Unpublish("mod@example.org", null, Later));
    }

    [Fact]
    public void AddNote_RecordsTheNote_AndChangesNothingElse()
    {
        var application = In(ApplicationStatus.Confirmed);

        var entry = RecordedBy(application, () => application.AddNote("mod@example.org", "Rückfrage per Telefon", Later));

        Assert.Equal((AuditAction.Note, "mod@example.org", "Rückfrage per Telefon"), (entry.Action, entry.Actor, entry.Details));
        Assert.Equal(ApplicationStatus.Confirmed, application.Status);
    }
}
