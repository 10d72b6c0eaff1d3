using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Integrationsoffensive.Data;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Features.Signatories;

/// <summary>
/// What a page of the list costs the database when it is not in the cache (after every approval
/// each page is rendered anew): the published co-signers' state, read once for the page count and
/// the entity tag, and the page's rows. The jump index is kept between evictions (LetterIndexTests).
/// </summary>
public sealed class ListStatementsTests : IDisposable
{
    private readonly CountingSite _site = new() { JobsOnlyWhenAsked = true };

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task AnUncachedPageOfTheList_ReadsThePublishedStateOnce_AndItsRows()
    {
        for (var i = 0; i < 55; i++)
        {
            await _site.PublishedAsync(Applications.Details(name: $"Verein Nummer {i:00}", email: $"verein{i}@beispiel.example"));
        }

        var client = _site.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/unterzeichnende")).StatusCode); // keeps the jump index
        _site.Commands.Clear();

        var response = await client.GetAsync("/unterzeichnende?seite=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("Verein Nummer 54", await response.Content.ReadAsStringAsync());
        // The outbox's sender reads its own table meanwhile; the page reads the applications.
        var reads = _site.Commands.Where(sql => sql.Contains("FROM \"Applications\"", StringComparison.Ordinal)).ToList();
        Assert.True(reads.Count == 2, $"{reads.Count} reads:\n\n" + string.Join("\n\n", reads));
        // The state: the count and the latest change; then the page's rows.
        Assert.Contains("COUNT(*)", reads[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"UpdatedAt\" DESC", reads[0]);
        Assert.Contains("\"OrganizationName\"", reads[1]);
        Assert.Contains("OFFSET", reads[1]);
    }

    private sealed class CountingSite : SiteFactory
    {
        public ConcurrentQueue<string> Commands { get; } = new();

        // On PostgreSQL the features' AppDbContext is a PostgresDbContext, configured under its own type.
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(new Recorder(Commands)));
            services.ConfigureDbContext<PostgresDbContext>(options => options.AddInterceptors(new Recorder(Commands)));
        }
    }

    private sealed class Recorder(ConcurrentQueue<string> commands) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
