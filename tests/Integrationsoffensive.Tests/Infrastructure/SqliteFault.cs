using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// A storage fault at the edge of the system, made by SQLite itself: once a pragma is set, every
/// connection the site opens runs it, e.g. <c>query_only = ON</c> (the file turned read-only) or
/// <c>max_page_count</c> (the disk is full). Running as root, a chmod would not do.
/// </summary>
public sealed class SqliteFault : DbConnectionInterceptor
{
    public string? Pragma { get; set; }

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
