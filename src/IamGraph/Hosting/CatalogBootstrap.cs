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

    /// <summary>Imports the sample when the database holds no catalogue; returns what was done, or null.</summary>
    public static string? EnsureCatalog(CatalogConnection database)
    {
        if (HasCatalog(database))
        {
            return null;
        }
        var result = CatalogImporter.Import(SampleDocs, database);
        return $"No catalogue at {database.Describe()}: imported the bundled sample ({result.Catalog.Policies.Count} policies). Run `iamgraph import <docs-dir>` for the full docs.";
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
