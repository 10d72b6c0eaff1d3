using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>
/// The duplicate check over a real database and the tests' own founders
/// (Domain/TestFounders/erstunterzeichnende.yml): founders first, then every application not withdrawn.
/// </summary>
public sealed class DuplicateCheckTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static PublicFields Fields(string name, string? website = null) =>
        new(name, "sonstige", "Musterstadt", "giessen", website, null);

    private async Task<Application> StoreAsync(ApplicationStatus status, string name, string? website = null)
    {
        var details = Applications.Details(name: name) with { PublicFields = Fields(name, website) };
        var application = Applications.InStatus(status, _database.Now, details);
        await _database.AddAsync(application);
        return application;
    }

    private Task<DuplicateMatch?> FindAsync(PublicFields fields) =>
        _database.QueryAsync(db => new DuplicateCheck(db, TestContentStore.Create()).FindAsync(fields));

    [Fact]
    public async Task AFoundersName_InAnotherSpelling_IsKnown()
    {
        Assert.Equal(new DuplicateMatch(DuplicateMatch.FounderLabel, "Beispielverband Süd e. V."), await FindAsync(Fields("BEISPIELVERBAND-SÜD")));
    }

    [Fact]
    public async Task AFoundersWebsite_IsKnown_UnderAnyName()
    {
        Assert.Equal(new DuplicateMatch(DuplicateMatch.FounderLabel, "Verein Beispiel Nord"), await FindAsync(Fields("Nordverein", "http://verein-nord.example")));
    }

    [Fact]
    public async Task AFoundersPageOnASharedHost_SaysNothing()
    {
        Assert.Null(await FindAsync(Fields("Anderes Netzwerk", "https://www.facebook.com/anderes-netzwerk")));
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Confirmed)]
    [InlineData(ApplicationStatus.Published)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Unpublished)]
    public async Task AnApplicationNotWithdrawn_IsKnownByNameAndByWebsite(ApplicationStatus status)
    {
        var application = await StoreAsync(status, "Verein Zuflucht e. V.", "https://zuflucht.example");
        var expected = DuplicateMatch.Application(application.Id, "Verein Zuflucht e. V.");

        Assert.Equal(expected, await FindAsync(Fields("Verein Zuflucht")));
        Assert.Equal(expected, await FindAsync(Fields("Zuflucht Musterstadt", "https://www.zuflucht.example/")));
    }

    [Fact]
    public async Task AWithdrawnApplication_IsNotKnown()
    {
        await StoreAsync(ApplicationStatus.Withdrawn, "Verein Zuflucht", "https://zuflucht.example");

        Assert.Null(await FindAsync(Fields("Verein Zuflucht", "https://zuflucht.example")));
    }

    [Fact]
    public async Task OfTwoApplicationsWithTheSameName_TheOlderIsReported()
    {
        var older = await StoreAsync(ApplicationStatus.Published, "Verein Zuflucht", "https://zuflucht.example");
        await StoreAsync(ApplicationStatus.Confirmed, "Verein-Zuflucht", "https://zuflucht.example");

        var expected = DuplicateMatch.Application(older.Id, "Verein Zuflucht");
        Assert.Equal(expected, await FindAsync(Fields("verein zuflucht")));
        Assert.Equal(expected, await FindAsync(Fields("Anderer Name", "https://zuflucht.example")));
    }

    [Fact]
    public async Task AnApplicationWithAFoundersName_IsReportedAsTheFounder()
    {
        await StoreAsync(ApplicationStatus.Published, "Verein Beispiel Nord", "https://verein-nord.example");

        Assert.Equal(DuplicateMatch.FounderLabel, (await FindAsync(Fields("Verein Beispiel Nord")))?.Label);
        Assert.Equal(DuplicateMatch.FounderLabel, (await FindAsync(Fields("X", "https://verein-nord.example")))?.Label);
    }

    [Fact]
    public async Task AnUnknownOrganization_IsNotADuplicate()
    {
        await StoreAsync(ApplicationStatus.Published, "Verein Zuflucht", "https://zuflucht.example");

        Assert.Null(await FindAsync(Fields("Ganz neue Initiative", "https://neu.example")));
    }
}
