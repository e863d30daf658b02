using IamGraph.Catalog;
using IamGraph.Import.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IamGraph.Import.Writing;

/// <summary>
/// Writes a whole catalogue into a new SQLite file beside the target and renames it over the target only when
/// everything succeeded: a failed import leaves the old file byte-identical, and a server reading the old file
/// keeps its open handle on the old inode until it reopens.
/// </summary>
public sealed class SqliteCatalogWriter(string targetFile) : ICatalogWriter
{
    public string TargetFile { get; } = Path.GetFullPath(targetFile);

    public void Write(CatalogSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(TargetFile)!;
        Directory.CreateDirectory(directory);
        var staging = Path.Combine(directory, $".{Path.GetFileName(TargetFile)}.{Guid.NewGuid():N}.importing");
        try
        {
            using (var db = new CatalogDbContext(CatalogDatabase.SqliteOptions(staging, readOnly: false)))
            {
                db.Database.Migrate();
                Fill(db, snapshot, cancellationToken);
            }
            SqliteConnection.ClearAllPools();
            using (var file = new FileStream(staging, FileMode.Open, FileAccess.ReadWrite))
            {
                file.Flush(flushToDisk: true);
            }
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(staging, TargetFile, overwrite: true);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var leftover in new[] { staging, staging + "-journal" })
            {
                if (File.Exists(leftover))
                {
                    File.Delete(leftover);
                }
            }
        }
    }

    private static void Fill(CatalogDbContext db, CatalogSnapshot snapshot, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.Open();
        // A staging file nobody else sees: no journal, no fsync per step, and foreign keys checked once at the end
        // rather than per row (rows point at canonical variants that come later in name order).
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;");
        using (var tx = connection.BeginTransaction())
        {
            foreach (var rows in CatalogTables.Of(snapshot))
            {
                Insert(connection, tx, StoreTable.Of(db.Model, rows), rows.Rows, cancellationToken);
            }
            ThrowOnForeignKeyViolation(connection, tx);
            tx.Commit();
        }
        // Readers open the file read-only: give it a rollback journal (never WAL, whose side files would not
        // travel with the rename) and planner statistics.
        Execute(connection, "PRAGMA journal_mode=DELETE; ANALYZE;");
        connection.Close();
    }

    /// <summary>
    /// Parameters per INSERT statement: a prepared multi-row INSERT costs less per row than a statement per row,
    /// but binding looks parameters up by name, so very wide statements lose again.
    /// </summary>
    private const int ParametersPerStatement = 192;

    private static void Insert(SqliteConnection connection, SqliteTransaction tx, StoreTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var rowsPerStatement = Math.Max(1, ParametersPerStatement / table.Columns.Count);
        var buffer = new List<object?[]>(rowsPerStatement);
        using var full = PrepareInsert(connection, tx, table, rowsPerStatement);
        foreach (var row in rows)
        {
            buffer.Add(row);
            if (buffer.Count == rowsPerStatement)
            {
                Execute(full, buffer);
                buffer.Clear();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        if (buffer.Count > 0)
        {
            using var rest = PrepareInsert(connection, tx, table, buffer.Count);
            Execute(rest, buffer);
        }
    }

    private static SqliteCommand PrepareInsert(SqliteConnection connection, SqliteTransaction tx, StoreTable table, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        var width = table.Columns.Count;
        var values = Enumerable.Range(0, rowCount).Select(r => $"({string.Join(", ", Enumerable.Range(0, width).Select(c => $"$p{(r * width) + c}"))})");
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({table.QuotedColumns}) VALUES {string.Join(", ", values)}";
        for (var i = 0; i < rowCount * width; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteCommand command, List<object?[]> rows)
    {
        var parameters = command.Parameters;
        var i = 0;
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                parameters[i++].Value = CatalogTables.ForSqlite(value) ?? DBNull.Value;
            }
        }
        command.ExecuteNonQuery();
    }

    private static void ThrowOnForeignKeyViolation(SqliteConnection connection, SqliteTransaction tx)
    {
        using var check = connection.CreateCommand();
        check.Transaction = tx;
        check.CommandText = "PRAGMA foreign_key_check";
        using var violations = check.ExecuteReader();
        if (violations.Read())
        {
            throw new InvalidOperationException(
                $"The catalogue is inconsistent: row {violations.GetValue(1)} of {violations.GetString(0)} points at a missing row of {violations.GetString(2)}.");
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
