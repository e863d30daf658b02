using System.Text.Json;

using IamGraph.Catalog;
using IamGraph.Hosting;
using IamGraph.Testing;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IamGraph.Tests;

/// <summary>
/// Issue 14, defects 1 and 7 through the composed server: a query past its timeout is stopped in the database and
/// answered TIMEOUT; client errors are logged as one Information line, never as errors with a stack trace.
/// </summary>
public sealed class RunawayQueryTests : IDisposable
{
    // The issue's query: four nested quantifiers, tested for every action; nothing matches, so SQLite returns no row
    // (and so never looks at its token) before it has visited every combination.
    private const string NestedQuantifiers =
        "{ actions(where:{policies:{some:{effectiveActions:{some:{policies:{some:{effectiveActions:{some:{name:{startsWith:\"zz\"}}}}}}}}}}) { totalCount } }";

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_query_past_its_timeout_answers_TIMEOUT_and_its_SQLite_statement_is_cancelled_not_finished()
    {
        var database = CatalogConnection.Parse(_dir.File("dense.db"));
        CatalogBootstrap.EnsureCatalog(database);
        AddDenseGrants(database, size: 40); // 40 policies granting 40 actions: 40^4 combinations per action, minutes of CPU
        using var logs = new CapturedLogs();
        await using var server = await RunningServer.StartAsync(
            database,
            [
                "--GraphQL:ExecutionTimeout=00:00:02",
                // Priced out otherwise (the other half of defect 1, tested below).
                "--GraphQL:FilterRelationSizes:effectiveActions=1",
                "--GraphQL:MaxComplexity=1000000",
                "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Debug",
            ],
            logs);

        // A cold server may spend its first timeout compiling the query (EF Core caches it even then): ask twice.
        var cold = await server.QueryAsync(NestedQuantifiers);
        var warm = await server.QueryAsync(NestedQuantifiers);

        Assert.Equal(["TIMEOUT"], ErrorCodes(cold));
        Assert.Equal(["TIMEOUT"], ErrorCodes(warm));
        // EF Core logs CommandCanceled only when the command itself stops mid-run; a statement that ran to its end logs
        // "Executed DbCommand" instead, and the cancellation surfaced only afterwards, when the first row was read.
        Assert.Contains(logs.Entries, e => e.EventId.Id == RelationalEventId.CommandCanceled.Id && e.Message.Contains("effective_grants", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == RelationalEventId.CommandExecuted.Id && e.Message.Contains("effective_grants", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("TIMEOUT", StringComparison.Ordinal));
        // The server goes on answering.
        var next = await server.QueryAsync("{ policy(name: \"AWSDenyAll\") { name } }");
        Assert.Equal("AWSDenyAll", next.GetProperty("data").GetProperty("policy").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_issues_query_is_rejected_by_the_complexity_limit_before_it_runs()
    {
        await using var server = await RunningServer.StartAsync(CatalogConnection.Parse(_dir.File("sample.db")));

        var body = await server.QueryAsync(NestedQuantifiers);

        Assert.Equal(["COMPLEXITY"], ErrorCodes(body));
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Every_query_in_the_README_passes_the_limits()
    {
        await using var server = await RunningServer.StartAsync(CatalogConnection.Parse(_dir.File("sample.db")));
        var readme = await File.ReadAllTextAsync(Repository.Path("README.md"));
        var queries = System.Text.RegularExpressions.Regex.Matches(readme, "```graphql\\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .SelectMany(block => block.Groups[1].Value.Split('\n'))
            .Where(line => line.StartsWith('{'))
            .ToList();

        Assert.True(queries.Count >= 10, $"found only {queries.Count} README queries");
        foreach (var query in queries)
        {
            // The sample lacks some names the README asks about (UNKNOWN_POLICY is fine); no limit may refuse a query.
            Assert.DoesNotContain(ErrorCodes(await server.QueryAsync(query)), code => code is "COMPLEXITY" or "PAGE_SIZE_EXCEEDED" or "MAX_ALIASES" or "TIMEOUT");
        }
    }

    [Fact]
    public async Task Client_errors_are_logged_as_one_Information_line_with_their_code_and_no_stack_trace()
    {
        using var logs = new CapturedLogs();
        await using var server = await RunningServer.StartAsync(CatalogConnection.Parse(_dir.File("sample.db")), logs: logs);

        var badCursor = await server.QueryAsync("{ policies(after: \"bogus\") { nodes { name } } }");
        var nestedBadCursor = await server.QueryAsync("{ policies(first: 3) { nodes { actions(after: \"bogus\") { nodes { name } } } } }");
        var tooLargePage = await server.QueryAsync("query($n: Int) { policies(first: $n) { nodes { name } } }", new { n = 100_000 });

        Assert.Equal(["INVALID_CURSOR"], ErrorCodes(badCursor));
        Assert.Equal(["INVALID_CURSOR", "INVALID_CURSOR", "INVALID_CURSOR"], ErrorCodes(nestedBadCursor));
        Assert.Equal(["PAGE_SIZE_EXCEEDED"], ErrorCodes(tooLargePage));
        var endpoint = logs.Entries.Where(e => e.Category == "IamGraph.Http.GraphQLHttpEndpoint").ToList();
        Assert.Equal(3, endpoint.Count);
        Assert.All(endpoint, e =>
        {
            Assert.Equal(LogLevel.Information, e.Level);
            Assert.Null(e.Exception);
            Assert.DoesNotContain('\n', e.Message);
        });
        Assert.Contains("INVALID_CURSOR", endpoint[0].Message, StringComparison.Ordinal);
        Assert.Contains("INVALID_CURSOR", endpoint[1].Message, StringComparison.Ordinal);
        Assert.Contains("(x3)", endpoint[1].Message, StringComparison.Ordinal);
        Assert.Contains("PAGE_SIZE_EXCEEDED", endpoint[2].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning || e.Exception is not null);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Adds <paramref name="size"/> policies that each name and grant the same <paramref name="size"/> new actions.</summary>
    private static void AddDenseGrants(CatalogConnection database, int size)
    {
        using var connection = new SqliteConnection(CatalogDatabase.SqliteConnectionString(database.ConnectionString, readOnly: false));
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {size})
            INSERT INTO policies (name, name_key, arn, path, aws_managed, action_count, service_count, role_count, effective_action_count, sources)
            SELECT 'Dense' || i, 'dense' || i, 'arn:aws:iam::aws:policy/Dense' || i, '/', 1, {size}, 1, 0, {size}, 1 FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {size})
            INSERT INTO actions (name, name_key, service_id, is_wildcard, policy_count, role_count, granted_by_count, match_count, canonical_id, access_level, in_catalog)
            SELECT 'dense:Action' || i, 'dense:action' || i, (SELECT min(id) FROM services), 0, {size}, 0, {size}, 0, (SELECT min(id) FROM actions), 0, 0 FROM n;
            UPDATE actions SET canonical_id = id WHERE name LIKE 'dense:%';
            INSERT INTO policy_actions (policy_id, action_id)
            SELECT p.id, a.id FROM policies p, actions a WHERE p.name LIKE 'Dense%' AND a.name LIKE 'dense:%';
            INSERT INTO effective_grants (policy_id, action_id, via, limits)
            SELECT p.id, a.id, '[]', 0 FROM policies p, actions a WHERE p.name LIKE 'Dense%' AND a.name LIKE 'dense:%';
            """;
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Every error's code; empty when the query ran without errors.</summary>
    private static string[] ErrorCodes(JsonElement body) =>
        body.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString() ?? "")]
            : [];
}
