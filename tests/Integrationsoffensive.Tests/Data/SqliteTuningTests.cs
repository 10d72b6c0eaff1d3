using Integrationsoffensive.Data;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Data;

/// <summary>Every connection of the site runs with the settings the press night was measured with (README „Leistung“).</summary>
[Trait("Database", "Sqlite")]
public sealed class SqliteTuningTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("journal_mode", "wal")]
    [InlineData("synchronous", "1")] // NORMAL
    [InlineData("temp_store", "2")] // MEMORY
    [InlineData("soft_heap_limit", "16777216")] // all connections' caches together, not each its own
    [InlineData("wal_autocheckpoint", "10000")] // a backstop: the log is copied back in the background (SqliteCheckpoints)
    public async Task EveryConnection_HasTheTunedSetting(string pragma, string expected)
    {
        var values = await _site.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        });

        Assert.Equal(expected, values);
    }
}
