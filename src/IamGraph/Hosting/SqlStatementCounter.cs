using System.Data.Common;
using IamGraph.Http.Serving;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IamGraph.Hosting;

/// <summary>Counts the SQL statements of the current GraphQL operation for its span (registered only when telemetry is on).</summary>
internal sealed class SqlStatementCounter : DbCommandInterceptor
{
    public static readonly SqlStatementCounter Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        GraphQLTelemetry.CountSqlStatement();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        GraphQLTelemetry.CountSqlStatement();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        GraphQLTelemetry.CountSqlStatement();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        GraphQLTelemetry.CountSqlStatement();
        return ValueTask.FromResult(result);
    }
}
