using IamGraph.Catalog;
using IamGraph.Import.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using SQLitePCL;

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
                Insert(connection, StoreTable.Of(db.Model, rows), rows.Rows, cancellationToken);
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
    /// Values per INSERT statement: a prepared multi-row INSERT costs less per row than a statement per row. Values are
    /// bound by position through SQLite's own API: Microsoft.Data.Sqlite binds parameters by name, a lookup per value
    /// that cost more than the B-tree inserts themselves.
    /// </summary>
    private const int ValuesPerStatement = 192;

    private static void Insert(SqliteConnection connection, StoreTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var width = table.Columns.Count;
        var rowsPerStatement = Math.Max(1, ValuesPerStatement / width);
        var buffer = new List<object?[]>(rowsPerStatement);
        using var full = Prepare(connection, table, rowsPerStatement);
        foreach (var row in rows)
        {
            buffer.Add(row);
            if (buffer.Count == rowsPerStatement)
            {
                Execute(connection, full, buffer);
                buffer.Clear();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        if (buffer.Count > 0)
        {
            using var rest = Prepare(connection, table, buffer.Count);
            Execute(connection, rest, buffer);
        }
    }

    private static sqlite3_stmt Prepare(SqliteConnection connection, StoreTable table, int rowCount)
    {
        var row = $"({string.Join(", ", Enumerable.Repeat("?", table.Columns.Count))})";
        var sql = $"INSERT INTO \"{table.Name}\" ({table.QuotedColumns}) VALUES {string.Join(", ", Enumerable.Repeat(row, rowCount))}";
        Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        return statement;
    }

    private static void Execute(SqliteConnection connection, sqlite3_stmt statement, List<object?[]> rows)
    {
        var index = 1;
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                Check(connection, CatalogTables.ForSqlite(value) switch
                {
                    null => raw.sqlite3_bind_null(statement, index),
                    string text => raw.sqlite3_bind_text(statement, index, text),
                    int number => raw.sqlite3_bind_int(statement, index, number),
                    long number => raw.sqlite3_bind_int64(statement, index, number),
                    double number => raw.sqlite3_bind_double(statement, index, number),
                    var other => throw new NotSupportedException($"No SQLite form for {other.GetType().Name} values."),
                });
                index++;
            }
        }
        var step = raw.sqlite3_step(statement);
        Check(connection, step == raw.SQLITE_DONE ? raw.SQLITE_OK : step);
        Check(connection, raw.sqlite3_reset(statement));
    }

    private static void Check(SqliteConnection connection, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, connection.Handle);
        }
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
