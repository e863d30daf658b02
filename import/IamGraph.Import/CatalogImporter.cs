using System.Diagnostics;
using IamGraph.Catalog;
using IamGraph.Import.Model;
using IamGraph.Import.Reading;
using IamGraph.Import.Writing;

namespace IamGraph.Import;

/// <summary>The stages of an import, in order, for progress displays.</summary>
public enum ImportStage
{
    Reading,
    Modelling,
    Writing,
    Done,
}

public sealed record ImportTimings(TimeSpan Read, TimeSpan Model, TimeSpan Write)
{
    public TimeSpan Total => Read + Model + Write;
}

public sealed record ImportResult(CatalogSnapshot Catalog, ImportTimings Timings, string Database);

/// <summary>read -> model -> write: the whole import, all or nothing.</summary>
public static class CatalogImporter
{
    /// <summary>Imports into a SQLite file.</summary>
    public static ImportResult Import(string docsDirectory, string databaseFile, IProgress<ImportStage>? progress = null, CancellationToken cancellationToken = default) =>
        Import(docsDirectory, new CatalogConnection(CatalogProvider.Sqlite, databaseFile), progress, cancellationToken);

    public static ImportResult Import(string docsDirectory, CatalogConnection database, IProgress<ImportStage>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        progress?.Report(ImportStage.Reading);
        var docs = DocsReader.Read(docsDirectory, cancellationToken);
        var read = clock.Elapsed;

        progress?.Report(ImportStage.Modelling);
        var catalog = CatalogBuilder.Build(docs);
        var model = clock.Elapsed - read;

        progress?.Report(ImportStage.Writing);
        CatalogWriters.For(database).Write(catalog, cancellationToken);
        var write = clock.Elapsed - read - model;
        progress?.Report(ImportStage.Done);
        return new ImportResult(catalog, new ImportTimings(read, model, write), database.Describe());
    }
}
