using BenchmarkDotNet.Attributes;
using IamGraph.Catalog;
using IamGraph.Import;
using IamGraph.Import.Model;
using IamGraph.Import.Reading;
using IamGraph.Import.Writing;

namespace IamGraph.Benchmarks;

/// <summary>
/// The PostgreSQL write path (staging schema, binary COPY, swap) on the whole shared docs (target: import under 3 s).
/// Needs $IAMGRAPH_BENCH_POSTGRES, a connection string to a server you may write to (e.g. the one .ci/postgres.sh starts).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class PostgresImportBenchmarks
{
    private string _docs = "";
    private CatalogConnection _database = null!;
    private CatalogSnapshot _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var connectionString = Environment.GetEnvironmentVariable("IAMGRAPH_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set IAMGRAPH_BENCH_POSTGRES to a PostgreSQL connection string to run these benchmarks.");
        _database = new CatalogConnection(CatalogProvider.Postgres, connectionString);
        _docs = SharedDocsLocation.Find();
        _model = CatalogBuilder.Build(DocsReader.Read(_docs));
    }

    [Benchmark]
    public void WritePostgres() => CatalogWriters.For(_database).Write(_model);

    [Benchmark(Description = "Import into PostgreSQL (read+model+write)")]
    public ImportResult ImportPostgres() => CatalogImporter.Import(_docs, _database);
}
