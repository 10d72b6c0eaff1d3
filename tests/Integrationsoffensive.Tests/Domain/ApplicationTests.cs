using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>How an application comes into being: what it keeps, what it derives, what it records.</summary>
public sealed class ApplicationTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static Application Submitted(bool possibleDuplicate = false) =>
        Application.Submit(Applications.Details(), "2023-11", ConsentText.Version, possibleDuplicate, Now);

    [Fact]
    public void Submit_StartsSubmitted_WithOneAuditEntry()
    {
        var application = Submitted();

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal("fluechtlingshilfemusterstadt", application.NormalizedName);
        Assert.Equal(AuditAction.Submitted, Assert.Single(application.History).Action);
    }

    [Fact]
    public void Submit_KeepsContactDataVersionsAndTime()
    {
        var application = Submitted();

        Assert.Equal(("Anna Beispiel", "kontakt@fluechtlingshilfe.example", "0641 123456"), (application.ContactName, application.Email, application.Phone));
        Assert.True(application.HasContactData);
        Assert.Equal(("2023-11", ConsentText.Version), (application.AppealVersion, application.ConsentVersion));
        Assert.Equal(Now, application.SubmittedAt);
        Assert.Equal(Now, application.UpdatedAt);
        Assert.Null(application.ConfirmedAt);
        Assert.False(application.AddedByModerator);
        Assert.NotEqual(Guid.Empty, application.ConcurrencyStamp);
    }

    [Fact]
    public void Submit_KeepsEveryPublicField_AndDerivesTheKeys()
    {
        var application = Submitted();

        Assert.Equal(Applications.Details().PublicFields, application.PublicFields);
        Assert.Equal("fluechtlingshilfe.example", application.WebsiteHost);
        Assert.Equal("fluechtlingshilfe musterstadt e. v. musterstadt", application.SearchKey);
    }

    [Theory]
    [InlineData(true, "möglicherweise doppelt")]
    [InlineData(false, "")]
    public void Submit_RecordsWhetherItMayBeADuplicate(bool possibleDuplicate, string details)
    {
        var application = Submitted(possibleDuplicate);

        Assert.Equal(possibleDuplicate, application.IsPossibleDuplicate);
        var entry = Assert.Single(application.History);
        Assert.Equal((Now, AuditActors.Applicant, details), (entry.OccurredAt, entry.Actor, entry.Details));
        Assert.Same(application, entry.Application);
    }

    [Fact]
    public void AddByModerator_IsPublishedAtOnce_StampedWithModeratorAndSource()
    {
        var application = Application.AddByModerator(Applications.Details(), "2023-11", "mod@example.org", "Unterschriftenliste Sommerfest", possibleDuplicate: true, Now);

        Assert.Equal(ApplicationStatus.Published, application.Status);
        Assert.True(application.AddedByModerator);
        Assert.True(application.IsPossibleDuplicate);
        Assert.Equal((Now, Now, Now), (application.SubmittedAt, application.ConfirmedAt, application.PublishedAt));
        Assert.Equal("mod@example.org", application.ModeratedBy);
        Assert.Equal(("2023-11", "offline"), (application.AppealVersion, application.ConsentVersion));
        Assert.Equal(("Anna Beispiel", "kontakt@fluechtlingshilfe.example", "0641 123456"), (application.ContactName, application.Email, application.Phone));
        Assert.Equal(Applications.Details().PublicFields, application.PublicFields);
        Assert.Equal("fluechtlingshilfemusterstadt", application.NormalizedName);
        var entry = Assert.Single(application.History);
        Assert.Equal((AuditAction.AddedByModerator, "mod@example.org", "Unterschriftenliste Sommerfest"), (entry.Action, entry.Actor, entry.Details));
    }

    [Fact]
    public void AddByModerator_WithoutContactData_HasNone()
    {
        var details = Applications.Details() with { ContactName = null, Email = null, Phone = null };

        var application = Application.AddByModerator(details, "2023-11", "mod@example.org", "Telefon", possibleDuplicate: false, Now);

        Assert.False(application.HasContactData);
        Assert.False(application.IsPossibleDuplicate);
    }
}
