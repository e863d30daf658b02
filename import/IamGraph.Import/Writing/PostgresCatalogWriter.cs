using IamGraph.Catalog;
using IamGraph.Import.Model;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IamGraph.Import.Writing;

/// <summary>
/// Loads a whole catalogue into a fresh staging schema with binary COPY, then swaps it in for the served schema
/// in one transaction: concurrent readers see the old catalogue or the new one, and a failed import drops only its staging schema.
/// </summary>
public sealed class PostgresCatalogWriter(string connectionString) : ICatalogWriter
{
    private const string Served = CatalogConnection.PostgresSchema;
    private const string Retired = CatalogConnection.PostgresSchema + "_retired";

    public void Write(CatalogSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var staging = $"{Served}_import_{Guid.NewGuid():N}"[..32];
        using var admin = new NpgsqlConnection(connectionString);
        admin.Open();
        Execute(admin, $"CREATE SCHEMA {staging}");
        try
        {
            var stagingConnection = CatalogDatabase.PostgresConnectionString(connectionString, staging);
            using (var db = new CatalogDbContext(CatalogDatabase.Configure(new DbContextOptionsBuilder<CatalogDbContext>(), CatalogProvider.Postgres, stagingConnection).Options))
            {
                db.Database.Migrate();
                using var connection = new NpgsqlConnection(stagingConnection);
                connection.Open();
                using var tx = connection.BeginTransaction();
                foreach (var rows in CatalogTables.Of(snapshot))
                {
                    Copy(connection, staging, StoreTable.Of(db.Model, rows), rows.Rows, cancellationToken);
                }
                tx.Commit();
                Execute(connection, "ANALYZE");
            }
            cancellationToken.ThrowIfCancellationRequested();
            Swap(admin, staging);
        }
        catch
        {
            Execute(admin, $"DROP SCHEMA IF EXISTS {staging} CASCADE");
            throw;
        }
    }

    private static void Swap(NpgsqlConnection admin, string staging)
    {
        using var tx = admin.BeginTransaction();
        Execute(admin, $"DROP SCHEMA IF EXISTS {Retired} CASCADE", tx);
        Execute(admin, $"DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '{Served}') THEN EXECUTE 'ALTER SCHEMA {Served} RENAME TO {Retired}'; END IF; END $$", tx);
        Execute(admin, $"ALTER SCHEMA {staging} RENAME TO {Served}", tx);
        Execute(admin, $"DROP SCHEMA IF EXISTS {Retired} CASCADE", tx);
        tx.Commit();
    }

    private static void Copy(NpgsqlConnection connection, string schema, StoreTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        using var importer = connection.BeginBinaryImport($"COPY {schema}.\"{table.Name}\" ({table.QuotedColumns}) FROM STDIN (FORMAT BINARY)");
        var n = 0;
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: importer.WriteNull(); break;
                    case int i: importer.Write(i); break;
                    case long l: importer.Write(l); break;
                    case bool b: importer.Write(b); break;
                    case string s: importer.Write(s); break;
                    case DateTimeOffset d: importer.Write(d.UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz); break;
                    default: throw new InvalidOperationException($"No COPY mapping for {value.GetType().Name} in {table.Name}.");
                }
            }
            if (++n % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        importer.Complete();
    }

    private static void Execute(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
