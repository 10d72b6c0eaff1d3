using System.Net.Sockets;
using Integrationsoffensive.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Integrationsoffensive.Tests.Data;

/// <summary>Which failures are the storage's (503, „vorübergehend nicht erreichbar“) and which are a request's own.</summary>
public sealed class StorageFailuresTests
{
    public static TheoryData<Exception> StorageFailures => new()
    {
        // PostgreSQL: a pooled connection dropped mid-command (failover, a pooler restarted, a firewall's idle cut).
        new NpgsqlException("Exception while reading from stream", new EndOfStreamException("Attempted to read past the end of the stream.")),
        new NpgsqlException("Exception while writing to stream", new IOException("Unable to write data to the transport connection: Connection reset by peer.")),
        new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt")),
        new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"),
        new PostgresException("could not extend file", "ERROR", "ERROR", "53100"),
        // SQLite: another process held the file past the busy timeout (a backup, the command line).
        new SqliteException("database is locked", 5),
        new SqliteException("unable to open database file", 14),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new SqliteException("disk I/O error", 10)),
    };

    public static TheoryData<Exception> RequestFailures => new()
    {
        new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"),
        new PostgresException("deadlock detected", "ERROR", "ERROR", "40P01"),
        new PostgresException("could not serialize access due to concurrent update", "ERROR", "ERROR", "40001"),
        new NpgsqlException("A command is already in progress"),
        new SqliteException("UNIQUE constraint failed: Applications.Email", 19),
        new InvalidOperationException("Sequence contains no elements"),
    };

    [Theory]
    [MemberData(nameof(StorageFailures))]
    public void TheStoragesOwnFailures_AreStorageFailures(Exception exception) =>
        Assert.True(Integrationsoffensive.Data.StorageFailures.IsStorageFailure(exception), exception.ToString());

    [Theory]
    [MemberData(nameof(RequestFailures))]
    public void ARequestsOwnFailures_AreNot(Exception exception) =>
        Assert.False(Integrationsoffensive.Data.StorageFailures.IsStorageFailure(exception), exception.ToString());
}
