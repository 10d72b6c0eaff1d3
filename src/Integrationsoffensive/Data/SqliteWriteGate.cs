using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Integrationsoffensive.Data;

/// <summary>
/// One writer at a time within this process: every write waits here, in order and asynchronously,
/// instead of contending for SQLite's write lock. A writer that meets the lock held by another
/// connection gets SQLITE_BUSY, and Microsoft.Data.Sqlite then sleeps 150 ms before it tries again —
/// with the outbox sender's updates beside the applications' saves, a tenth of all requests slept
/// so. The gate covers the three ways this site writes: SaveChanges, explicit transactions (held
/// from their start to commit, rollback or the connection's close) and single statements outside a
/// transaction (ExecuteUpdate, ExecuteDelete, ExecuteSql). A connection holds the gate once, so
/// SaveChanges inside a transaction does not wait for itself. Other processes (a backup, the CLI)
/// still meet SQLite's lock and Microsoft.Data.Sqlite's retries.
/// </summary>
public sealed class SqliteWriteGate : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    private enum Holder
    {
        SaveChanges,
        Transaction,
        Statement,
    }

    private readonly ConditionalWeakTable<DbConnection, object> _holding = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    // SaveChanges
    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await EnterAsync(context.Database.GetDbConnection(), Holder.SaveChanges, cancellationToken);
        }

        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Enter(context.Database.GetDbConnection(), Holder.SaveChanges);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) => Leave(ConnectionOf(eventData.Context), Holder.SaveChanges, result);

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Leave(ConnectionOf(eventData.Context), Holder.SaveChanges, result));

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Release(ConnectionOf(eventData.Context), Holder.SaveChanges);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(ConnectionOf(eventData.Context), Holder.SaveChanges, Task.CompletedTask);

    public void SaveChangesCanceled(DbContextEventData eventData) => Release(ConnectionOf(eventData.Context), Holder.SaveChanges);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(ConnectionOf(eventData.Context), Holder.SaveChanges, Task.CompletedTask);

    // A lost optimistic-concurrency check is reported here, not as a failed save.
    public InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result) =>
        Leave(ConnectionOf(eventData.Context), Holder.SaveChanges, result);

    public ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Leave(ConnectionOf(eventData.Context), Holder.SaveChanges, result));

    // Explicit transactions (and the one SaveChanges opens, which finds the gate already held)
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, Holder.Transaction, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, Holder.Transaction);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(eventData.Context), Holder.Transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(ConnectionOf(eventData.Context), Holder.Transaction, Task.CompletedTask);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(eventData.Context), Holder.Transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(ConnectionOf(eventData.Context), Holder.Transaction, Task.CompletedTask);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(ConnectionOf(eventData.Context), Holder.Transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(ConnectionOf(eventData.Context), Holder.Transaction, Task.CompletedTask);

    // Single statements outside a transaction: ExecuteUpdate, ExecuteDelete, ExecuteSql. Reads run as readers and never wait.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command.Connection!, Holder.Statement, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Enter(command.Connection!, Holder.Statement);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Leave(command.Connection, Holder.Statement, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Leave(command.Connection, Holder.Statement, result));

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(command.Connection, Holder.Statement);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(command.Connection, Holder.Statement, Task.CompletedTask);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(command.Connection, Holder.Statement);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(command.Connection, Holder.Statement, Task.CompletedTask);

    // A transaction disposed without commit or rollback is rolled back by SQLite when its connection closes.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection, holder: null);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection, holder: null, Task.CompletedTask);

    private async ValueTask EnterAsync(DbConnection connection, Holder holder, CancellationToken cancellationToken)
    {
        if (!_holding.TryGetValue(connection, out _))
        {
            await _gate.WaitAsync(cancellationToken);
            _holding.AddOrUpdate(connection, holder);
        }
    }

    private void Enter(DbConnection connection, Holder holder)
    {
        if (!_holding.TryGetValue(connection, out _))
        {
            _gate.Wait();
            _holding.AddOrUpdate(connection, holder);
        }
    }

    private static DbConnection? ConnectionOf(DbContext? context) => context?.Database.GetDbConnection();

    private T Leave<T>(DbConnection? connection, Holder? holder, T result)
    {
        Release(connection, holder);
        return result;
    }

    // Only the step that took the gate gives it back (null: whoever holds it, when the connection closes).
    private void Release(DbConnection? connection, Holder? holder)
    {
        if (connection is not null && _holding.TryGetValue(connection, out var held) && (holder is null || (Holder)held == holder))
        {
            _holding.Remove(connection);
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
