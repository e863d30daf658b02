using System.Data.Common;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

using SQLitePCL;

namespace IamGraph.Catalog;

/// <summary>
/// Makes a SQLite statement stop when its command's <see cref="CancellationToken"/> fires (a request's timeout, or its
/// client leaving). Microsoft.Data.Sqlite checks the token only before a command starts (SqliteCommand.Cancel does
/// nothing), so a long sqlite3_step — a COUNT over nested EXISTS returns no row until it is done — ran to its end,
/// minutes after anyone wanted the answer. A progress handler polls the token every few thousand VM instructions and
/// returns non-zero once it fired, which aborts the statement with SQLITE_INTERRUPT and frees the connection.
/// A handler rather than a token registration calling sqlite3_interrupt: an interrupt that lands before the statement
/// starts is a no-op, so a registration can lose the race; the handler cannot.
/// </summary>
public sealed class SqliteCancellationInterceptor : DbCommandInterceptor
{
    public static readonly SqliteCancellationInterceptor Instance = new();

    /// <summary>VM instructions between two looks at the token: well under a millisecond, and no measurable cost.</summary>
    private const int InstructionsPerCheck = 10_000;

    private static readonly delegate_progress StopWhenCancelled = state => ((CancellationToken)state).IsCancellationRequested ? 1 : 0;

    private SqliteCancellationInterceptor()
    {
    }

    /// <summary>Whether <paramref name="exception"/> is SQLite reporting a statement stopped by the handler (or sqlite3_interrupt).</summary>
    public static bool IsInterrupt(Exception exception) => exception is SqliteException { SqliteErrorCode: raw.SQLITE_INTERRUPT };

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Watch(command, CancellationToken.None);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Watch(command, CancellationToken.None);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Watch(command, CancellationToken.None);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    // A reader keeps stepping (and may run long between rows) until it is disposed; scalar and non-query commands end when executed.
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Watch(command, CancellationToken.None);
        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Watch(command, CancellationToken.None);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Watch(command, CancellationToken.None);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Watch(command, CancellationToken.None);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Watch(command, CancellationToken.None);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Watch(command, CancellationToken.None);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Watch(command, CancellationToken.None);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Watch(command, CancellationToken.None);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Watch(command, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Installs the handler for <paramref name="token"/> on the command's connection, or removes it. Every command sets
    /// its own, so a pooled connection never carries an earlier request's (possibly cancelled) token into the next.
    /// </summary>
    private static void Watch(DbCommand command, CancellationToken token)
    {
        if (command.Connection is not SqliteConnection { Handle: { } handle })
        {
            return;
        }
        if (token.CanBeCanceled)
        {
            raw.sqlite3_progress_handler(handle, InstructionsPerCheck, StopWhenCancelled, token);
        }
        else
        {
            raw.sqlite3_progress_handler(handle, 0, null, null);
        }
    }
}

/// <summary>
/// Tells EF Core that SQLITE_INTERRUPT is a cancellation, not a failure: it then logs the command and the query as
/// cancelled (Debug) instead of as errors with the SQL and a stack trace.
/// </summary>
public sealed class SqliteExceptionDetector : IExceptionDetector
{
    // EF Core's own detector (an internal type) answers `exception is OperationCanceledException`.
    public bool IsCancellation(Exception exception, CancellationToken cancellationToken = default) =>
        exception is OperationCanceledException || SqliteCancellationInterceptor.IsInterrupt(exception);
}
