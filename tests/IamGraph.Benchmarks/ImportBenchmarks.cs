using BenchmarkDotNet.Attributes;
using IamGraph.Import;
using IamGraph.Import.Model;
using IamGraph.Import.Reading;
using IamGraph.Import.Writing;

namespace IamGraph.Benchmarks;

/// <summary>
/// The import of the whole shared docs, stage by stage and end to end (target: under 1.5 s on 2 cores). Server GC, as
/// `iamgraph import` runs (the Web SDK turns it on): with workstation GC the parse is paused by a gen0 GC every
/// few megabytes and the numbers would not be the command's.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ImportBenchmarks
{
    private string _docs = "";
    private string _dir = "";
    private DocsCatalog _read = null!;
    private CatalogSnapshot _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _docs = SharedDocsLocation.Find();
        _dir = Directory.CreateTempSubdirectory("iamgraph-bench-").FullName;
        _read = DocsReader.Read(_docs);
        _model = CatalogBuilder.Build(_read);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public DocsCatalog Read() => DocsReader.Read(_docs);

    [Benchmark]
    public CatalogSnapshot Model() => CatalogBuilder.Build(_read);

    [Benchmark]
    public void Write() => new SqliteCatalogWriter(Path.Combine(_dir, "write.db")).Write(_model);

    [Benchmark(Description = "Import (read+model+write)")]
    public ImportResult Import() => CatalogImporter.Import(_docs, Path.Combine(_dir, "import.db"));
}
