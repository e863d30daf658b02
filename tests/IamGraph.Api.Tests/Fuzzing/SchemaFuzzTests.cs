using System.Diagnostics;
using System.Text.Json;

using IamGraph.Api.Tests.Engines;

using Microsoft.Extensions.DependencyInjection;

using Xunit.Abstractions;

namespace IamGraph.Api.Tests.Fuzzing;

/// <summary>
/// Property-based tests over random valid documents generated from the schema (<see cref="DocumentGenerator"/>): a few hundred
/// per run, a third as many for the oracle properties 3 to 5 (<see cref="FuzzSettings"/> runs more, or others). A failure lists
/// each kind of failure with its seeds, a shrunk document and the answer. Properties 1 and 3 to 5 run per engine here;
/// property 2 (engines alike) in <see cref="SchemaFuzzParityTests"/>.
/// </summary>
public abstract class SchemaFuzzTests(FuzzFixture api, ITestOutputHelper output)
{
    /// <summary>Property 1: every answer has data, or errors whose codes the API documents; never an unhandled exception, never no answer.</summary>
    [EngineFact]
    public async Task Random_documents_answer_data_or_a_handled_error()
    {
        var session = await FuzzSession.CreateAsync(api);
        var executor = new FuzzExecutor(api, FuzzSettings.Timeout);
        await FuzzRun.AssertHoldsAsync($"data or a handled error on {api.Provider}", session, output, async (document, _) =>
        {
            var answer = await executor.ExecuteAsync(document.Print());
            var failure = answer.Violations.Count == 0
                ? null
                : new FuzzFailure(answer.Violations[0].Kind, string.Join("; ", answer.Violations.Select(v => v.Detail)) + "\n      " + answer.Describe());
            return new FuzzCheck(Outcome(answer), answer.Elapsed, failure, answer.Json is null);
        });
    }

    /// <summary>
    /// Property 3: selecting more fields leaves the values already selected unchanged. The same document with every leaf of each
    /// selected object added must answer a superset; an answer without errors must not turn into errors (other than the limits').
    /// </summary>
    [EngineFact]
    public async Task Selecting_more_fields_leaves_the_others_unchanged()
    {
        var session = await FuzzSession.CreateAsync(api);
        var executor = new FuzzExecutor(api, FuzzSettings.Timeout);
        await FuzzRun.AssertHoldsAsync($"selection independence on {api.Provider}", session, output, async (document, _) =>
        {
            var narrow = await executor.ExecuteAsync(document.Print());
            if (narrow.HasErrors)
            {
                return new FuzzCheck("errors, not compared", narrow.Elapsed);
            }
            var wide = await executor.ExecuteAsync(SelectionWidener.Widen(document, session.Schema).Print());
            var elapsed = narrow.Elapsed + wide.Elapsed;
            if (wide.Json is null || wide.Codes.Any(c => c is "COMPLEXITY" or "MAX_ALIASES" or "TIMEOUT"))
            {
                return new FuzzCheck("widened past a limit, not compared", elapsed);
            }
            var difference = wide.HasErrors
                ? "errors once every leaf is selected"
                : AnswerComparison.FirstDifference(JsonDocument.Parse(narrow.Json!).RootElement, JsonDocument.Parse(wide.Json).RootElement, "");
            return difference is null
                ? new FuzzCheck("compared", elapsed)
                : new FuzzCheck("compared", elapsed, new FuzzFailure(
                    wide.HasErrors ? "more fields, errors" : "values change with the selection",
                    $"{difference}\n      alone: {narrow.Describe()}\n      with every leaf: {wide.Describe(3000)}"));
        }, DocumentFocus.None);
    }

    /// <summary>
    /// Property 4: a root connection's filter matches what its edits say it must: removing a conjunct matches a superset of the
    /// rows, removing a disjunct a subset (<see cref="FilterEdits"/>). A few edits per document; every edit while shrinking.
    /// </summary>
    [EngineFact]
    public async Task Weaker_filters_match_more_rows()
    {
        var session = await FuzzSession.CreateAsync(api);
        var executor = new FuzzExecutor(api, FuzzSettings.Timeout);
        var options = api.Services.GetRequiredService<ApiOptions>();
        var oracles = new ConnectionOracles(executor, session.Schema, options.MaxPageSize, options.DefaultPageSize);
        await FuzzRun.AssertHoldsAsync($"filter monotonicity on {api.Provider}", session, output, async (document, exhaustive) =>
        {
            var clock = Stopwatch.StartNew();
            var checkedAny = false;
            foreach (var (field, node) in oracles.RootConnections(document))
            {
                if (field.Arguments.FirstOrDefault(a => a.Name == "where") is not { Value: ObjectValue } where
                    || await oracles.NodesAsync(field, node, field.Arguments, whole: true) is not { } original)
                {
                    continue;
                }
                var edits = FilterEdits.Of(where.Value).ToList();
                // A sample per document keeps the run short (edits of and/or lists first: empty and dropped operands hide there);
                // shrinking tries every edit of the (small) document.
                var chosen = exhaustive
                    ? edits.Take(60)
                    : edits.OrderBy(e => e.Description.Contains(".or", StringComparison.Ordinal) || e.Description.Contains(".and", StringComparison.Ordinal) ? 0 : 1)
                        .ThenBy(e => StableHash(e.Description + document.Print().Query)).Take(6);
                foreach (var edit in chosen)
                {
                    IReadOnlyList<FuzzArgument> arguments = [.. field.Arguments.Select(a => a.Name == "where" ? a with { Value = edit.Where } : a)];
                    if (await oracles.NodesAsync(field, node, arguments, whole: true) is not { } edited)
                    {
                        continue;
                    }
                    checkedAny = true;
                    var (small, large) = edit.Superset ? (original, edited) : (edited, original);
                    var missing = small.Except(large, StringComparer.Ordinal).ToList();
                    if (missing.Count > 0)
                    {
                        var probe = new FuzzDocument([field with { Alias = null, Arguments = arguments, Children = [new FieldSelection(null, "totalCount", [], [])] }]).Print();
                        return new FuzzCheck("checked", clock.Elapsed, new FuzzFailure(
                            edit.Superset ? "a weaker filter matches fewer rows" : "a stronger filter matches more rows",
                            $"{edit.Description}: {original.Count} rows before, {edited.Count} after, {missing.Count} of them {(edit.Superset ? "lost" : "gained")}, e.g. {missing[0]}\n      edited: {probe.Query.Trim()}"));
                    }
                }
            }
            return new FuzzCheck(checkedAny ? "checked" : "nothing to check", clock.Elapsed);
        }, DocumentFocus.Filter);
    }

    /// <summary>Property 5: a root connection's page is Relay's slice (after/before, then first, then last) of all its rows in the same order.</summary>
    [EngineFact]
    public async Task Pages_are_slices_of_the_whole_list()
    {
        var session = await FuzzSession.CreateAsync(api);
        var executor = new FuzzExecutor(api, FuzzSettings.Timeout);
        var options = api.Services.GetRequiredService<ApiOptions>();
        var oracles = new ConnectionOracles(executor, session.Schema, options.MaxPageSize, options.DefaultPageSize);
        await FuzzRun.AssertHoldsAsync($"paging on {api.Provider}", session, output, async (document, _) =>
        {
            var clock = Stopwatch.StartNew();
            var checkedAny = false;
            foreach (var (field, node) in oracles.RootConnections(document))
            {
                if (await oracles.NodesAsync(field, node, field.Arguments, whole: false) is not { } page
                    || await oracles.NodesAsync(field, node, field.Arguments, whole: true) is not { } all
                    || oracles.Slice(all, field.Arguments) is not { } expected)
                {
                    continue;
                }
                checkedAny = true;
                if (!page.SequenceEqual(expected, StringComparer.Ordinal))
                {
                    var paging = string.Join(", ", field.Arguments.Where(a => a.Name is "first" or "last" or "after" or "before").Select(a => $"{a.Name}: {a.Value}"));
                    return new FuzzCheck("checked", clock.Elapsed, new FuzzFailure("a page is not the slice of the whole list",
                        $"{field.Name}({paging}) of {all.Count} rows answered {page.Count}: {Short(page)}; expected {expected.Count}: {Short(expected)}"));
                }
            }
            return new FuzzCheck(checkedAny ? "checked" : "nothing to check", clock.Elapsed);
        }, DocumentFocus.Paging);
    }

    internal static string Outcome(FuzzAnswer answer) =>
        answer.Json is null ? "no answer" : answer.Codes.Count == 0 ? "data" : string.Join("+", answer.Codes.Distinct().Order(StringComparer.Ordinal));

    private static string Short(List<string> rows) => "[" + string.Join(", ", rows.Take(4).Select(r => r.Length > 80 ? r[..80] + "...}" : r)) + (rows.Count > 4 ? ", ...]" : "]");

    /// <summary>string.GetHashCode is randomised per process; sampling must not be, or a seed would not replay.</summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }
            return hash;
        }
    }
}

[Collection(SqliteFuzzCollection.Name)]
public sealed class SqliteSchemaFuzzTests(SqliteFuzzFixture api, ITestOutputHelper output) : SchemaFuzzTests(api, output);

[Collection(PostgresFuzzCollection.Name)]
public sealed class PostgresSchemaFuzzTests(PostgresFuzzFixture api, ITestOutputHelper output) : SchemaFuzzTests(api, output), IPostgresTests;

/// <summary>Property 2: the same documents on SQLite and PostgreSQL give the same JSON, byte for byte (errors included).</summary>
public sealed class SchemaFuzzParityTests(SqliteFuzzFixture sqlite, PostgresFuzzFixture postgres, ITestOutputHelper output)
    : IClassFixture<SqliteFuzzFixture>, IClassFixture<PostgresFuzzFixture>, IPostgresTests
{
    [EngineFact]
    public async Task Random_documents_answer_alike_on_both_engines()
    {
        var session = await FuzzSession.CreateAsync(sqlite);
        var onSqlite = new FuzzExecutor(sqlite, FuzzSettings.Timeout);
        var onPostgres = new FuzzExecutor(postgres, FuzzSettings.Timeout);
        await FuzzRun.AssertHoldsAsync("SQLite and PostgreSQL alike", session, output, async (document, _) =>
        {
            var printed = document.Print();
            var s = await onSqlite.ExecuteAsync(printed);
            var p = await onPostgres.ExecuteAsync(printed);
            var elapsed = s.Elapsed + p.Elapsed;
            if (s.Json == p.Json && s.Json is not null)
            {
                return new FuzzCheck(SchemaFuzzTests.Outcome(s), elapsed);
            }
            if (s.Codes.Contains("TIMEOUT") || p.Codes.Contains("TIMEOUT"))
            {
                return new FuzzCheck("timed out, not compared", elapsed); // where the time runs out differs by engine and load
            }
            var where = s.Json is null || p.Json is null
                ? "one engine did not answer"
                : AnswerComparison.FirstDifference(JsonDocument.Parse(s.Json).RootElement, JsonDocument.Parse(p.Json).RootElement, "")
                    ?? AnswerComparison.FirstDifference(JsonDocument.Parse(p.Json).RootElement, JsonDocument.Parse(s.Json).RootElement, "") + " (only on PostgreSQL)";
            // The kind says coarsely how they differ (who has data, which codes), so shrinking keeps the same difference.
            return new FuzzCheck("differ", elapsed,
                new FuzzFailure($"SQLite {SchemaFuzzTests.Outcome(s)} / PostgreSQL {SchemaFuzzTests.Outcome(p)}", $"{where}\n      SQLite: {s.Describe()}\n      PostgreSQL: {p.Describe()}"),
                s.Json is null || p.Json is null);
        });
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteFuzzCollection : ICollectionFixture<SqliteFuzzFixture>
{
    public const string Name = "fuzz catalogue on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresFuzzCollection : ICollectionFixture<PostgresFuzzFixture>
{
    public const string Name = "fuzz catalogue on PostgreSQL";
}
