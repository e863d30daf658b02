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
        using var admin = OpenCreatingDatabase(connectionString);
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
                var restore = SetAsideConstraintsAndIndexes(connection, staging, tx);
                foreach (var rows in CatalogTables.Of(snapshot))
                {
                    Copy(connection, staging, StoreTable.Of(db.Model, rows), rows, cancellationToken);
                }
                foreach (var statement in restore)
                {
                    Execute(connection, statement, tx);
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

    /// <summary>
    /// Opens the target database, creating it first when it does not exist, as EF Core's Migrate() does: from the
    /// maintenance database <c>postgres</c>, as the same user. A user who may not create it is told how to.
    /// </summary>
    private static NpgsqlConnection OpenCreatingDatabase(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName && new NpgsqlConnectionStringBuilder(connectionString).Database is { Length: > 0 } name)
        {
            connection.Dispose();
            CreateDatabase(connectionString, name);
        }

        connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void CreateDatabase(string connectionString, string name)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        try
        {
            using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            connection.Open();
            Execute(connection, $"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another import created it meanwhile: as good.
        }
        catch (PostgresException e)
        {
            var user = maintenance.Username ?? "this user";
            var how = $"create it first as a user who may (createdb -h {maintenance.Host} -p {maintenance.Port} -O {user} {name}), or grant {user} CREATEDB";
            throw new CatalogDatabaseException(
                e.SqlState == PostgresErrorCodes.InsufficientPrivilege
                    ? $"database \"{name}\" does not exist, and user {user} may not create it ({e.MessageText}); {how}"
                    : $"database \"{name}\" does not exist, and creating it from the maintenance database postgres failed ({e.SqlState}: {e.MessageText}); {how}",
                e);
        }
    }

    /// <summary>
    /// Drops the staging schema's foreign keys and secondary indexes (as the migrations made them) and returns the
    /// statements that recreate them: checking and indexing once after COPY is several times faster than per row.
    /// </summary>
    private static List<string> SetAsideConstraintsAndIndexes(NpgsqlConnection connection, string schema, NpgsqlTransaction tx)
    {
        const string Query = """
            SELECT 0, format('ALTER TABLE %I.%I DROP CONSTRAINT %I', n.nspname, t.relname, c.conname),
                      format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', n.nspname, t.relname, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype = 'f' AND n.nspname = @schema
            UNION ALL
            SELECT 1, format('DROP INDEX %I.%I', n.nspname, x.relname), pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace
            WHERE n.nspname = @schema AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            ORDER BY 1
            """;
        var drops = new List<string>();
        var creates = new List<(int Kind, string Sql)>();
        using (var command = new NpgsqlCommand(Query, connection, tx))
        {
            command.Parameters.AddWithValue("schema", schema);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                drops.Add(reader.GetString(1));
                creates.Add((reader.GetInt32(0), reader.GetString(2)));
            }
        }
        foreach (var drop in drops)
        {
            Execute(connection, drop, tx);
        }
        // Indexes first, so that checking the foreign keys can use them.
        return [.. creates.OrderByDescending(c => c.Kind).Select(c => c.Sql)];
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

    private static void Copy(NpgsqlConnection connection, string schema, StoreTable table, TableRows rows, CancellationToken cancellationToken)
    {
        using var importer = connection.BeginBinaryImport($"COPY {schema}.\"{table.Name}\" ({table.QuotedColumns}) FROM STDIN (FORMAT BINARY)");
        var sink = new CopySink(importer);
        for (var row = 0; row < rows.Count; row++)
        {
            importer.StartRow();
            rows.Write(row, sink);
            if ((row + 1) % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        importer.Complete();
    }

    /// <summary>Writes each value to the COPY stream as its column's type.</summary>
    private sealed class CopySink(NpgsqlBinaryImporter importer) : IRowSink
    {
        public void Int(int value) => importer.Write(value);

        public void Int(int? value) => Write(value);

        public void Long(long? value) => Write(value);

        public void Bool(bool value) => importer.Write(value);

        public void Bool(bool? value) => Write(value);

        public void Text(string? value)
        {
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(value);
            }
        }

        public void Time(DateTimeOffset? value)
        {
            if (value is { } time)
            {
                importer.Write(time.UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            }
            else
            {
                importer.WriteNull();
            }
        }

        private void Write<T>(T? value)
            where T : struct
        {
            if (value is { } present)
            {
                importer.Write(present);
            }
            else
            {
                importer.WriteNull();
            }
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
