using System.Data.Common;
using Integrationsoffensive.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// A storage fault at the edge of the system, made by SQLite itself: once a pragma is set, every
/// connection the site opens runs it, e.g. <c>query_only = ON</c> (the file turned read-only) or
/// <c>max_page_count</c> (the disk is full). Or, with <see cref="RefuseOpen"/>, no connection opens at
/// all (a lost volume), with SQLite's own error. Running as root, a chmod would not do.
/// </summary>
public sealed class SqliteFault : DbConnectionInterceptor, IDbCommandInterceptor
{
    public string? Pragma { get; set; }

    /// <summary>A query whose SQL contains this fails with SQLite's I/O error (the others run): a
    /// failure in the middle of a request, after its first statements went through.</summary>
    public string? FailQueriesContaining { get; set; }

    private int _failedQueries;

    /// <summary>How many commands <see cref="FailQueriesContaining"/> has failed so far.</summary>
    public int FailedQueries => Volatile.Read(ref _failedQueries);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (FailQueriesContaining is { } marker && command.CommandText.Contains(marker, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _failedQueries);
            throw new SqliteException("disk I/O error", 10); // SQLITE_IOERR
        }

        return ValueTask.FromResult(result);
    }

    private volatile bool _refuseOpen;

    public bool RefuseOpen { get => _refuseOpen; set => _refuseOpen = value; }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        RefuseOpen ? throw CannotOpen() : result;

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        RefuseOpen ? throw CannotOpen() : ValueTask.FromResult(result);

    private static SqliteException CannotOpen() => new("unable to open database file", 14); // SQLITE_CANTOPEN

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Pragma is { } pragma)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA " + pragma + ";";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Pragma is { } pragma)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA " + pragma + ";";
            command.ExecuteNonQuery();
        }
    }
}

/// <summary>A site whose SQLite connections go through a <see cref="SqliteFault"/>.</summary>
public sealed class SqliteFaultSite : SiteFactory
{
    public SqliteFault Fault { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Fault));
}
