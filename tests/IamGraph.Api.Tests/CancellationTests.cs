using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Tests;

/// <summary>
/// A request's token stops its SQL on both engines (issue 14, defect 1): the timeout or a client leaving must end the
/// database's work, not only the wait for it. Npgsql cancels on the token; Microsoft.Data.Sqlite alone does not: it
/// ran the statement to its end and only then threw, so an exception alone proves nothing; each engine's check below
/// looks at the work itself.
/// </summary>
public abstract class CancellationTests(ApiFixture api)
{
    private const long Rows = 20_000_000;

    [EngineFact]
    public async Task A_running_statement_stops_when_its_token_fires_and_the_connection_answers_the_next_one()
    {
        var factory = api.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        using var cancel = new CancellationTokenSource();
        long rowsMade = 0;
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            // Counts the rows the statement really produces, and fires the token once it is surely running.
            sqlite.CreateFunction("made", () =>
            {
                if (Interlocked.Increment(ref rowsMade) == 1000)
                {
                    cancel.Cancel();
                }
                return true;
            });
        }

        var running = db.Database.SqlQueryRaw<long>(LongCount()).ToListAsync(cancel.Token);
        if (api.Provider == CatalogProvider.Postgres)
        {
            await CancelOnceRunningOnPostgresAsync(factory, cancel);
        }
        var error = await Record.ExceptionAsync(() => running);

        Assert.True(
            error is OperationCanceledException || (error is not null && SqliteCancellationInterceptor.IsInterrupt(error)),
            $"expected the statement to be cancelled, got {error?.ToString() ?? "its result"}");
        if (api.Provider == CatalogProvider.Sqlite)
        {
            // Stopped right after the token fired, not at the end (the last row would be Rows - 1).
            Assert.InRange(Interlocked.Read(ref rowsMade), 1000, Rows / 2);
        }
        else
        {
            Assert.Equal(0, await RunningOnPostgresAsync(factory));
        }
        // The same connection runs the next statement, untouched by the spent token.
        Assert.Equal([1], await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").ToListAsync());
    }

    [EngineFact]
    public async Task A_statement_whose_token_never_fires_runs_to_its_end()
    {
        var factory = api.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        using var never = new CancellationTokenSource();

        var counted = await db.Database.SqlQueryRaw<long>(LongCount(rows: 100_000, probe: false)).ToListAsync(never.Token);

        Assert.Equal([100_000L], counted);
    }

    /// <summary>One statement that returns no row before it is done, like a COUNT over nested EXISTS: seconds of CPU on any machine.</summary>
    private string LongCount(long rows = Rows, bool probe = true) =>
        $"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {rows}{(probe && api.Provider == CatalogProvider.Sqlite ? " AND made()" : "")}) SELECT count(*) AS \"Value\" FROM c";

    private static async Task CancelOnceRunningOnPostgresAsync(IDbContextFactory<CatalogDbContext> factory, CancellationTokenSource cancel)
    {
        // Bounded: the statement runs for seconds, and a statement never seen running fails the check after the loop.
        for (var i = 0; i < 300 && await RunningOnPostgresAsync(factory) == 0; i++)
        {
            await Task.Delay(50);
        }
        Assert.Equal(1, await RunningOnPostgresAsync(factory));
        await cancel.CancelAsync();
    }

    /// <summary>Backends of the server still running <see cref="LongCount"/>, seen from another connection.</summary>
    private static async Task<int> RunningOnPostgresAsync(IDbContextFactory<CatalogDbContext> factory)
    {
        await using var observer = await factory.CreateDbContextAsync();
        return (await observer.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE 'WITH RECURSIVE c(x)%'").ToListAsync())[0];
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteCancellationTests(SqliteCatalogFixture api) : CancellationTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresCancellationTests(PostgresCatalogFixture api) : CancellationTests(api), IPostgresTests;
