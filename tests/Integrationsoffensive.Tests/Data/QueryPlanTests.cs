using System.Text.RegularExpressions;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Hosting;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Data;

/// <summary>
/// The lookups every application makes, as SQLite plans them: each finds its rows through an index
/// on all of its conditions, so an application costs the same whether 10 or 10,000 are waiting.
/// (The address lookup once went through the status index and read every waiting application.)
/// Likewise the public list: its pages and its entity tag read an index, not every row.
/// </summary>
[Trait("Database", "Sqlite")] // SQLite's EXPLAIN QUERY PLAN; PostgreSQL plans by statistics
public sealed partial class QueryPlanTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task ApplicationsWaitingForAnAddress_AreFoundByAddressAndStatus()
    {
        const string address = "kontakt@beispiel.de";
        var plan = await PlanAsync(db => db.Applications.Where(a => a.Email == address && a.Status == ApplicationStatus.Submitted).OrderBy(a => a.Id));

        Assert.Contains("INDEX IX_Applications_Email_Status (Email=? AND Status=?)", plan);
    }

    [Fact]
    public async Task TheOpenApplicationsOfAnAddress_AreFoundByAddressAndStatus()
    {
        const string address = "kontakt@beispiel.de";
        var plan = await PlanAsync(db => db.Applications
            .Where(a => a.Email == address && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Confirmed))
            .OrderBy(a => a.Id));

        Assert.Contains("INDEX IX_Applications_Email_Status (Email=? AND Status=?)", plan);
    }

    [Fact]
    public async Task TheRecentConfirmationMailsToAnAddress_AreFoundByAddressAndKind()
    {
        const string address = "kontakt@beispiel.de";
        var since = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
        var plan = await PlanAsync(db => db.OutboxMessages
            .Where(m => m.ToAddress == address && m.Kind == MailKinds.Confirmation && (m.QueueKey == address || m.CreatedAt > since)));

        Assert.Contains("(ToAddress=? AND Kind=?)", plan);
    }

    [Fact]
    public async Task TheOutboxSendersNextBatch_IsReadFromTheUnsentMessagesInOrder_WithoutSorting()
    {
        var now = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
        var plan = await PlanAsync(db => OutboxSender.Due(db, now));

        Assert.Contains("USING INDEX IX_OutboxMessages_Unsent", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task AClaimedBatch_IsLoadedByItsClaim()
    {
        var plan = await PlanAsync(db => OutboxSender.Claimed(db, Guid.NewGuid()));

        Assert.Contains("INDEX IX_OutboxMessages_Version (Version=?)", plan);
    }

    [Fact]
    public async Task ThePublicDatasEntityTag_IsReadFromAnIndexOfThePublishedRows_NotTheTable()
    {
        var plan = await PlanAsync(PublicCache.PublishedState);

        Assert.Contains("COVERING INDEX IX_Applications_Status_UpdatedAt (Status=?)", plan);
        Assert.DoesNotContain("SCAN a", plan);
    }

    [Fact]
    public async Task ThePublicDatasEntityTag_TakesTheLatestChangeFromTheIndex_WithoutGroupingEveryPublishedRow()
    {
        // Every uncached public page reads it; grouped, SQLite copied every published row into a
        // temporary tree to find one maximum (1.1 ms for 5,000 instead of 0.3 ms).
        var plan = await PlanAsync(PublicCache.PublishedState);

        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task AListPage_IsReadInTheIndexsOrder_WithoutSortingEveryPublishedRow()
    {
        var plan = await PlanAsync(db => PublishedSignatories.Query(db).AToZ().Skip(2450).Take(50).ToPublic());

        Assert.Contains("INDEX IX_Applications_Status_SearchKey (Status=?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    private async Task<string> PlanAsync<T>(Func<AppDbContext, IQueryable<T>> query)
    {
        await _site.WithDbAsync(db => db.Applications.AnyAsync()); // the site has started and migrated
        return await _site.WithDbAsync(async db =>
        {
            // ToQueryString gives ".param set @name 'value'" lines, then the statement.
            var lines = query(db).ToQueryString().Split('\n');
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
            foreach (var match in lines.Select(line => ParamLine().Match(line)).Where(match => match.Success))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = match.Groups[1].Value;
                parameter.Value = match.Groups[2].Value;
                command.Parameters.Add(parameter);
            }

            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }

            return string.Join(" | ", plan);
        });
    }

    [GeneratedRegex(@"^\.param set (\S+) '(.*)'\s*$")]
    private static partial Regex ParamLine();
}
