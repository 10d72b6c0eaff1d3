using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>Finding a link's token in the database: by the hash of its value and its purpose only.</summary>
public sealed class ApplicationTokensTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(Application Application, string Value)> StoreAsync(TokenPurpose purpose, string name = "Verein Zuflucht")
    {
        var application = Applications.InStatus(ApplicationStatus.Submitted, _database.Now, Applications.Details(name: name));
        var (_, value) = ApplicationToken.Issue(application, purpose, _database.Now, TimeSpan.FromDays(7));
        await _database.AddAsync(application);
        return (application, value);
    }

    /// <summary>A token whose link value has a chosen length; real values always have 43 characters.</summary>
    private async Task StoreWithValueAsync(string value)
    {
        var application = Applications.InStatus(ApplicationStatus.Submitted, _database.Now);
        var (token, _) = ApplicationToken.Issue(application, TokenPurpose.Confirm, _database.Now, null);
        await using var db = _database.CreateContext();
        db.Applications.Add(application);
        db.Entry(token).Property(t => t.Hash).CurrentValue = ApplicationToken.HashOf(value);
        await db.SaveChangesAsync();
    }

    private Task<ApplicationToken?> FindAsync(string? value, TokenPurpose purpose) =>
        _database.QueryAsync(db => ApplicationTokens.FindAsync(db, value, purpose));

    [Fact]
    public async Task Find_WithTheLinksValueAndPurpose_GivesTheTokenWithItsApplication()
    {
        await StoreAsync(TokenPurpose.Withdraw, "Andere Initiative");
        var (application, value) = await StoreAsync(TokenPurpose.Confirm);

        var token = await FindAsync(value, TokenPurpose.Confirm);

        Assert.NotNull(token);
        Assert.Equal(application.Id, token.ApplicationId);
        Assert.Equal("Verein Zuflucht", token.Application.OrganizationName);
    }

    [Fact]
    public async Task Find_WithTheRightValueButAnotherPurpose_FindsNothing()
    {
        await StoreAsync(TokenPurpose.Withdraw, "Andere Initiative");
        var (_, value) = await StoreAsync(TokenPurpose.Confirm);

        Assert.Null(await FindAsync(value, TokenPurpose.Withdraw));
    }

    [Fact]
    public async Task Find_WithAnUnknownValue_FindsNothing()
    {
        await StoreAsync(TokenPurpose.Confirm);

        Assert.Null(await FindAsync("unbekannter-wert-aus-einem-alten-link", TokenPurpose.Confirm));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Find_WithoutValue_FindsNothing(string? value)
    {
        await StoreWithValueAsync("");

        Assert.Null(await FindAsync(value, TokenPurpose.Confirm));
    }

    [Fact]
    public async Task Find_WithAValueOf100Characters_StillLooksItUp()
    {
        var value = new string('a', 100);
        await StoreWithValueAsync(value);

        Assert.NotNull(await FindAsync(value, TokenPurpose.Confirm));
    }

    [Fact]
    public async Task Find_WithAValueLongerThan100Characters_DoesNotEvenLookItUp()
    {
        var value = new string('a', 101);
        await StoreWithValueAsync(value);

        Assert.Null(await FindAsync(value, TokenPurpose.Confirm));
    }
}
