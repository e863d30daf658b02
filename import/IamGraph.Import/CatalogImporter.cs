using System.Diagnostics;
using IamGraph.Catalog;
using IamGraph.Import.Model;
using IamGraph.Import.Reading;
using IamGraph.Import.Reading.Accounts;
using IamGraph.Import.Reading.ActionCatalog;
using IamGraph.Import.Reading.ManagedPolicies;
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

/// <summary>Where an import reads from: the docs folder, a managed-policies package, an action catalogue; at least one.</summary>
public sealed record ImportInputs(string? Docs, string? ManagedPolicies = null, string? ActionCatalog = null, IReadOnlyList<string>? Accounts = null)
{
    public bool IsEmpty => Docs is null && ManagedPolicies is null && ActionCatalog is null && (Accounts is null || Accounts.Count == 0);
}

/// <summary>read -> model -> write: the whole import, all or nothing.</summary>
public static class CatalogImporter
{
    /// <summary>Imports the docs into a SQLite file.</summary>
    public static ImportResult Import(string docsDirectory, string databaseFile, IProgress<ImportStage>? progress = null, CancellationToken cancellationToken = default) =>
        Import(new ImportInputs(docsDirectory), new CatalogConnection(CatalogProvider.Sqlite, databaseFile), progress, cancellationToken);

    public static ImportResult Import(string docsDirectory, CatalogConnection database, IProgress<ImportStage>? progress = null, CancellationToken cancellationToken = default) =>
        Import(new ImportInputs(docsDirectory), database, progress, cancellationToken);

    public static ImportResult Import(ImportInputs inputs, CatalogConnection database, IProgress<ImportStage>? progress = null, CancellationToken cancellationToken = default)
    {
        if (inputs.IsEmpty)
        {
            throw new ImportException("nothing to import; expected a docs folder, --managed-policies, --action-catalog or --account", ".");
        }
        var clock = Stopwatch.StartNew();
        var writer = CatalogWriters.For(database);
        // The empty database does not depend on what is read: it is made meanwhile.
        using var prepared = writer is SqliteCatalogWriter sqlite ? sqlite.Prepare() : null;
        progress?.Report(ImportStage.Reading);
        // The sources are independent files: read them side by side.
        var docs = Task.Run(() => inputs.Docs is null ? null : DocsReader.Read(inputs.Docs, cancellationToken), cancellationToken);
        var managed = Task.Run(() => inputs.ManagedPolicies is null ? null : ManagedPoliciesReader.Read(inputs.ManagedPolicies, cancellationToken), cancellationToken);
        var actions = Task.Run(() => inputs.ActionCatalog is null ? null : ActionCatalogReader.Read(inputs.ActionCatalog, cancellationToken), cancellationToken);
        var accounts = Task.Run(() => (inputs.Accounts ?? []).Select(a => AccountDetailsReader.Read(a, cancellationToken)).ToArray(), cancellationToken);
        var sources = new CatalogSources(Await(docs), Await(managed), Await(actions), Await(accounts));
        var read = clock.Elapsed;

        progress?.Report(ImportStage.Modelling);
        // SQLite stores each part of the catalogue as soon as the model has it, on a thread of its own: the stored documents'
        // rows are written while the effective grants are worked out, which leaves the second core mostly idle.
        var parts = new CatalogParts();
        var writing = writer is SqliteCatalogWriter partWise
            ? Task.Factory.StartNew(() => partWise.Write(parts, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        CatalogSnapshot? catalog = null;
        try
        {
            catalog = CatalogBuilder.Build(sources, parts);
        }
        finally
        {
            if (catalog is null && writing is not null)
            {
                // The model failed: the writer stops and deletes its staging file before the model's error is told.
                parts.Abandon();
                Task.WaitAny([writing], CancellationToken.None);
            }
        }
        var model = clock.Elapsed - read;

        progress?.Report(ImportStage.Writing);
        if (writing is null)
        {
            writer.Write(catalog, cancellationToken);
        }
        else
        {
            writing.GetAwaiter().GetResult();
        }
        var write = clock.Elapsed - read - model;
        progress?.Report(ImportStage.Done);
        return new ImportResult(catalog, new ImportTimings(read, model, write), database.Describe());
    }

    /// <summary>The task's result, or its own exception (an <see cref="ImportException"/> naming the file), not an AggregateException.</summary>
    private static T Await<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
