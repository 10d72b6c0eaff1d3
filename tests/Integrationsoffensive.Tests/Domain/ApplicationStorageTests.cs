using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>An application as the database gives it back, including rows stored under older rules.</summary>
public sealed class ApplicationStorageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RefreshDerivedKeys_RecomputesKeysStoredUnderOlderFoldingRules_AndNothingElse()
    {
        var application = Applications.InStatus(ApplicationStatus.Published, _database.Now);
        await _database.AddAsync(application);
        await _database.QueryAsync(db => db.Applications.ExecuteUpdateAsync(s => s
            .SetProperty(a => a.NormalizedName, "alt")
            .SetProperty(a => a.SearchKey, "alt")
            .SetProperty(a => a.WebsiteHost, "www.alt.example")));
        _database.Clock.Advance(TimeSpan.FromDays(1));

        var refreshed = await _database.QueryAsync(async db =>
        {
            var stored = await db.Applications.SingleAsync();
            stored.RefreshDerivedKeys();
            await db.SaveChangesAsync();
            return await db.Applications.AsNoTracking().Include(a => a.History).SingleAsync();
        });

        Assert.Equal("fluechtlingshilfemusterstadt", refreshed.NormalizedName);
        Assert.Equal("fluechtlingshilfe musterstadt e. v. musterstadt", refreshed.SearchKey);
        Assert.Equal("fluechtlingshilfe.example", refreshed.WebsiteHost);
        Assert.Equal(Applications.Details().PublicFields, refreshed.PublicFields);
        Assert.Equal((application.ConcurrencyStamp, application.UpdatedAt), (refreshed.ConcurrencyStamp, refreshed.UpdatedAt));
        Assert.Equal(application.History.Count, refreshed.History.Count);
    }
}
