using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>A moderator's corrections: every field applied and recorded with old and new value.</summary>
public sealed class ApplicationEditTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Now.AddDays(1);
    private static readonly PublicFields Original = Applications.Details().PublicFields;

    private static Application In(ApplicationStatus status) => Applications.InStatus(status, Now);

    /// <summary>The original fields with exactly one of them changed.</summary>
    private static PublicFields WithChanged(string field) => field switch
    {
        "Name" => Original with { OrganizationName = "Flüchtlingshilfe Neustadt" },
        "Art" => Original with { OrganizationType = "kirche" },
        "Ort" => Original with { Place = "Neustadt" },
        "Region" => Original with { Region = "fulda" },
        "Website" => Original with { Website = "https://www.neu.example/" },
        "Kurzbegründung" => Original with { Statement = "Gemeinsam." },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [InlineData("Name", "Name: „Flüchtlingshilfe Musterstadt e. V.“ → „Flüchtlingshilfe Neustadt“")]
    [InlineData("Art", "Art: „fluechtlingsinitiative“ → „kirche“")]
    [InlineData("Ort", "Ort: „Musterstadt“ → „Neustadt“")]
    [InlineData("Region", "Region: „giessen“ → „fulda“")]
    [InlineData("Website", "Website: „https://fluechtlingshilfe.example/“ → „https://www.neu.example/“")]
    [InlineData("Kurzbegründung", "Kurzbegründung: „Weil Integration gelingt.“ → „Gemeinsam.“")]
    public void Edit_OfOneField_AppliesAndRecordsExactlyThatField(string field, string change)
    {
        var application = In(ApplicationStatus.Published);
        var stamp = application.ConcurrencyStamp;

        var changes = application.Edit("mod@example.org", WithChanged(field), Later);

        Assert.Equal([change], changes);
        Assert.Equal(WithChanged(field), application.PublicFields);
        var entry = application.History[^1];
        Assert.Equal((AuditAction.Edited, "mod@example.org", change, Later), (entry.Action, entry.Actor, entry.Details, entry.OccurredAt));
        Assert.NotEqual(stamp, application.ConcurrencyStamp);
        Assert.Equal(Later, application.UpdatedAt);
    }

    [Fact]
    public void Edit_OfNameAndWebsite_RecomputesTheDuplicateAndSearchKeys()
    {
        var application = In(ApplicationStatus.Published);

        application.Edit("mod@example.org", Original with { OrganizationName = "Café Zuflucht", Place = "Groß-Gerau", Website = "https://www.zuflucht.example" }, Later);

        Assert.Equal("cafezuflucht", application.NormalizedName);
        Assert.Equal("cafe zuflucht gross gerau", application.SearchKey);
        Assert.Equal("zuflucht.example", application.WebsiteHost);
    }

    [Fact]
    public void Edit_OfSeveralFields_RecordsThemInOneEntry_InFormOrder()
    {
        var application = In(ApplicationStatus.Confirmed);

        var changes = application.Edit("mod@example.org", Original with { Place = "Neustadt", Website = null }, Later);

        var expected = new[] { "Ort: „Musterstadt“ → „Neustadt“", "Website: „https://fluechtlingshilfe.example/“ → „“" };
        Assert.Equal(expected, changes);
        Assert.Equal(string.Join("; ", expected), application.History[^1].Details);
        Assert.Null(application.Website);
        Assert.Null(application.WebsiteHost);
    }

    [Fact]
    public void Edit_WithoutAnyChange_RecordsNothing()
    {
        var application = In(ApplicationStatus.Published);
        var (stamp, entries) = (application.ConcurrencyStamp, application.History.Count);

        var changes = application.Edit("mod@example.org", Original with { }, Later);

        Assert.Empty(changes);
        Assert.Equal((stamp, entries, Now), (application.ConcurrencyStamp, application.History.Count, application.UpdatedAt));
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Confirmed)]
    [InlineData(ApplicationStatus.Published)]
    [InlineData(ApplicationStatus.Unpublished)]
    public void Edit_BeforeOrAfterPublication_IsAllowed(ApplicationStatus status)
    {
        var application = In(status);

        Assert.Single(application.Edit("mod@example.org", WithChanged("Ort"), Later));

        Assert.Equal((status, "Neustadt"), (application.Status, application.Place));
    }

    [Theory]
    [InlineData(ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Rejected)]
    public void Edit_OfAWithdrawnOrRejectedApplication_IsRefused(ApplicationStatus status)
    {
        var application = In(status);
        var entries = application.History.Count;

        Assert.Throws<InvalidTransitionException>(() => application.Edit("mod@example.org", WithChanged("Ort"), Later));

        Assert.Equal(("Musterstadt", entries), (application.Place, application.History.Count));
    }
}
