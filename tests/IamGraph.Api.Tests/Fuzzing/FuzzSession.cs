using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

using GraphQL.Types;

using Microsoft.Extensions.DependencyInjection;

using Xunit.Abstractions;

namespace IamGraph.Api.Tests.Fuzzing;

/// <summary>
/// How many documents and which: <c>IAMGRAPH_FUZZ_COUNT</c> (default 300), <c>IAMGRAPH_FUZZ_SEED</c> (the first document's seed,
/// default 14000; document i uses seed + i, so <c>IAMGRAPH_FUZZ_SEED=s IAMGRAPH_FUZZ_COUNT=1</c> replays document s alone) and
/// <c>IAMGRAPH_FUZZ_TIMEOUT</c> (the execution timeout in seconds, default 3: every document of the fixture catalogue answers in
/// well under a second, so only a runaway reaches it).
/// </summary>
public static class FuzzSettings
{
    public static int Count => Read("IAMGRAPH_FUZZ_COUNT", 300);

    public static int Seed => Read("IAMGRAPH_FUZZ_SEED", 14_000);

    public static TimeSpan Timeout => TimeSpan.FromSeconds(Read("IAMGRAPH_FUZZ_TIMEOUT", 3));

    public static IEnumerable<int> Seeds => Enumerable.Range(0, Count).Select(i => Seed + i);

    /// <summary>The oracle properties (3 to 5) execute several probes per document: a third as many documents keeps the run short.</summary>
    public static IEnumerable<int> OracleSeeds => Seeds.Take(Math.Max(1, Count / 3));


    private static int Read(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}

/// <summary>The generator over one fixture's schema and catalogue.</summary>
public sealed class FuzzSession
{
    private FuzzSession(DocumentGenerator generator, ISchema schema)
    {
        Generator = generator;
        Schema = schema;
    }

    public DocumentGenerator Generator { get; }

    public ISchema Schema { get; }

    public static async Task<FuzzSession> CreateAsync(ApiFixture api)
    {
        var values = await CatalogueValues.ReadAsync(api);
        ISchema schema = api.Schema;
        var maxDepth = new Http.GraphQLHttpOptions().MaxDepth;
        return new FuzzSession(new DocumentGenerator(schema, values, api.Services.GetRequiredService<ApiOptions>().MaxPageSize, maxDepth), schema);
    }
}

/// <summary>What one property check made of one document.</summary>
/// <param name="Outcome">For the summary: <c>data</c>, the error codes, <c>checked</c>, <c>nothing to check</c>.</param>
/// <param name="Failure">What is wrong (null when the property holds): a kind to group and shrink by, and the detail to report.</param>
/// <param name="Runaway">An execution the timeout did not stop: not shrunk (each try would leave another one running).</param>
public sealed record FuzzCheck(string Outcome, TimeSpan Elapsed, FuzzFailure? Failure = null, bool Runaway = false);

public sealed record FuzzFailure(string Kind, string Detail);

/// <summary>
/// Runs one property over the generated documents and reports the failing ones, grouped by kind of failure, each group with a
/// few documents shrunk to a minimal one that fails the same way. The summary (documents, time, outcomes) goes to the test
/// output whether or not the property holds; the report is the assertion message.
/// </summary>
public static class FuzzRun
{
    private const int ShrunkPerKind = 3;
    private const int MaxShrunk = 8; // bounds a failing run: each shrink executes up to ShrinkBudget documents
    private const int ShrinkBudget = 400;
    private const int MaxRunaways = 2;

    private sealed record Failure(int Seed, string Kind, FuzzDocument Original, FuzzDocument? Shrunk, string Detail);

    /// <param name="check">Checks a document; <c>exhaustive</c> is true while shrinking (a check that samples may then try everything).</param>
    /// <param name="focus">Oracle properties (3 to 5) run a third as many documents, each made to hold what they check.</param>
    public static async Task AssertHoldsAsync(string property, FuzzSession session, ITestOutputHelper output, Func<FuzzDocument, bool, Task<FuzzCheck>> check, DocumentFocus? focus = null)
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<Failure>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var slowest = new List<(int Seed, TimeSpan Elapsed)>();
        var checking = TimeSpan.Zero;
        var documents = 0;
        var runaways = 0;
        foreach (var seed in focus is null ? FuzzSettings.Seeds : FuzzSettings.OracleSeeds)
        {
            var document = session.Generator.Generate(seed, focus ?? DocumentFocus.None);
            var result = await check(document, false);
            documents++;
            checking += result.Elapsed;
            outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
            slowest = [.. slowest.Append((seed, result.Elapsed)).OrderByDescending(s => s.Elapsed).Take(3)];
            if (result.Failure is not { } failure)
            {
                continue;
            }
            FuzzDocument? shrunk = null;
            var detail = failure.Detail;
            if (!result.Runaway && failures.Count(f => f.Shrunk is not null) < MaxShrunk && failures.Count(f => f.Kind == failure.Kind && f.Shrunk is not null) < ShrunkPerKind)
            {
                shrunk = await DocumentShrinker.ShrinkAsync(document, async d => (await check(d, true)).Failure?.Kind == failure.Kind, ShrinkBudget);
                detail = (await check(shrunk, true)).Failure?.Detail ?? detail;
            }
            failures.Add(new Failure(seed, failure.Kind, document, shrunk, detail));
            if (result.Runaway && ++runaways == MaxRunaways)
            {
                break; // each runaway still holds a connection and a core; the rest of the run would measure them
            }
        }

        var elapsed = clock.Elapsed;
        var summary = $"{property}: {documents} documents (seeds {FuzzSettings.Seed}..{FuzzSettings.Seed + documents - 1}) in {elapsed.TotalSeconds:0.0} s, "
            + $"{(documents == 0 ? 0 : elapsed.TotalSeconds * 100 / documents):0.00} s per 100 including shrinking ({checking.TotalSeconds:0.0} s checking); "
            + $"{failures.Count} failing{(runaways == MaxRunaways ? $", stopped after {MaxRunaways} runaways" : "")}. Outcomes: "
            + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))
            + ". Slowest: " + string.Join(", ", slowest.Select(s => $"seed {s.Seed} {s.Elapsed.TotalMilliseconds:0} ms"));
        output.WriteLine(summary);
        if (failures.Count == 0)
        {
            return;
        }

        var report = new StringBuilder().AppendLine(summary)
            .AppendLine("Replay one document alone: IAMGRAPH_FUZZ_SEED=<its seed> IAMGRAPH_FUZZ_COUNT=1, filtered on this test.");
        foreach (var group in failures.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()))
        {
            report.AppendLine().AppendLine($"[{group.Key}] {group.Count()} documents, seeds {string.Join(", ", group.Select(f => f.Seed).Take(12))}{(group.Count() > 12 ? ", ..." : "")}");
            var shown = group.Where(f => f.Shrunk is not null).DistinctBy(f => f.Shrunk!.Print().ToString()).ToList();
            foreach (var failure in shown.Count > 0 ? shown : [group.First()])
            {
                report.AppendLine($"  seed {failure.Seed}: {Trim(failure.Original.Print().ToString(), 600)}");
                if (failure.Shrunk is not null)
                {
                    report.AppendLine($"    shrunk: {failure.Shrunk.Print()}");
                }
                report.AppendLine($"    {failure.Detail}");
            }
        }
        Assert.Fail(report.ToString());
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max] + $"... ({text.Length} chars)";
}

/// <summary>JSON comparisons the properties need.</summary>
public static class AnswerComparison
{
    /// <summary>True when every member and item of <paramref name="part"/> is in <paramref name="whole"/> with the same value.</summary>
    public static bool IsPartOf(JsonElement part, JsonElement whole) => FirstDifference(part, whole, "") is null;

    /// <summary>The path of the first place <paramref name="part"/> is not in <paramref name="whole"/>, with both values; null when it is.</summary>
    public static string? FirstDifference(JsonElement part, JsonElement whole, string path)
    {
        if (part.ValueKind != whole.ValueKind)
        {
            return $"{path}: {Short(part)} vs {Short(whole)}";
        }
        switch (part.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in part.EnumerateObject())
                {
                    if (!whole.TryGetProperty(member.Name, out var other))
                    {
                        return $"{path}.{member.Name}: missing";
                    }
                    if (FirstDifference(member.Value, other, $"{path}.{member.Name}") is { } difference)
                    {
                        return difference;
                    }
                }
                return null;
            case JsonValueKind.Array:
                if (part.GetArrayLength() != whole.GetArrayLength())
                {
                    return $"{path}: {part.GetArrayLength()} items vs {whole.GetArrayLength()}";
                }
                var index = 0;
                foreach (var (a, b) in part.EnumerateArray().Zip(whole.EnumerateArray()))
                {
                    if (FirstDifference(a, b, $"{path}[{index++}]") is { } difference)
                    {
                        return difference;
                    }
                }
                return null;
            default:
                return part.GetRawText() == whole.GetRawText() ? null : $"{path}: {Short(part)} vs {Short(whole)}";
        }
    }

    private static string Short(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 200 ? text : text[..200] + "...";
    }
}
