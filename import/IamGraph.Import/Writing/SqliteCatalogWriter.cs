using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using IamGraph.Catalog;
using IamGraph.Import.Model;
using IamGraph.Migrations.Sqlite;
using Microsoft.Data.Sqlite;

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

    private Task<string>? _prepared;

    /// <summary>
    /// Starts making the empty staging database (the schema, by the migrations' script) on a worker thread, to overlap the
    /// reading of the sources; <see cref="Write"/> fills it. Disposing the result deletes a staging file that was prepared and
    /// never written. Nothing is prepared while the target's folder does not exist: a failed read creates no folder.
    /// </summary>
    public IDisposable Prepare()
    {
        var directory = Path.GetDirectoryName(TargetFile)!;
        if (_prepared is null && Directory.Exists(directory))
        {
            // Its own thread, not a pool thread the readers' parallel loops would wait for.
            _prepared = Task.Factory.StartNew(() => CreateStaging(directory), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        return new Unwritten(this);
    }

    public void Write(CatalogSnapshot snapshot, CancellationToken cancellationToken = default) => Write(CatalogParts.Of(snapshot), cancellationToken);

    /// <summary>
    /// Writes each part of the catalogue as soon as <paramref name="parts"/> hands it over, still into the one staging file
    /// swapped in only when the whole is written: a model that fails (<see cref="CatalogParts.Abandon"/>) leaves the target as it was.
    /// </summary>
    internal void Write(CatalogParts parts, CancellationToken cancellationToken = default)
    {
        var prepared = Interlocked.Exchange(ref _prepared, null);
        string staging;
        if (prepared is null)
        {
            var directory = Path.GetDirectoryName(TargetFile)!;
            Directory.CreateDirectory(directory);
            staging = CreateStaging(directory);
        }
        else
        {
            staging = prepared.GetAwaiter().GetResult();
        }
        try
        {
            // A plain connection: the tables' names and keys come from the staging file itself (SqliteStoreSchema), so a
            // cold import never builds EF Core's runtime model.
            using (var connection = new SqliteConnection(CatalogDatabase.SqliteConnectionString(staging, readOnly: false)))
            {
                Fill(connection, parts, cancellationToken);
                // The committed rows go to disk while ANALYZE works out the planner statistics (CPU, on the pages in cache):
                // the fsync below then has only the statistics' pages left to wait for.
                var flushing = Task.Run(() => FlushToDisk(staging), CancellationToken.None);
                try
                {
                    // Readers open the file read-only: give it a rollback journal (never WAL, whose side files would not
                    // travel with the rename) and planner statistics.
                    Execute(connection, "PRAGMA journal_mode=DELETE; ANALYZE;");
                }
                finally
                {
                    // Waited for even when ANALYZE failed, so that the staging file is deleted after it is closed.
                    Task.WaitAny([flushing], CancellationToken.None);
                }
                flushing.GetAwaiter().GetResult();
                connection.Close();
            }
            SqliteConnection.ClearAllPools();
            FlushToDisk(staging);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(staging, TargetFile, overwrite: true);
        }
        finally
        {
            Delete(staging);
        }
    }

    /// <summary>A new file beside the target holding the schema and no rows.</summary>
    private string CreateStaging(string directory)
    {
        var staging = Path.Combine(directory, $".{Path.GetFileName(TargetFile)}.{Guid.NewGuid():N}.importing");
        try
        {
            using var connection = new SqliteConnection(CatalogDatabase.SqliteConnectionString(staging, readOnly: false));
            connection.Open();
            // A file nobody sees yet: no journal or fsync per migration.
            Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
            Execute(connection, SchemaScript.Text);
            return staging;
        }
        catch
        {
            Delete(staging);
            throw;
        }
    }

    private static void Delete(string staging)
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

    /// <summary>Deletes the prepared staging file when <see cref="Write"/> never took it (the read failed, or was cancelled).</summary>
    private sealed class Unwritten(SqliteCatalogWriter writer) : IDisposable
    {
        public void Dispose()
        {
            if (Interlocked.Exchange(ref writer._prepared, null) is not { } prepared)
            {
                return;
            }
            try
            {
                Delete(prepared.GetAwaiter().GetResult());
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // The import already failed for its own reason; a schema that could not be made is no news beside it.
            }
        }
    }

    private static void Fill(SqliteConnection connection, CatalogParts parts, CancellationToken cancellationToken)
    {
        connection.Open();
        // A staging file nobody else sees: no journal, no fsync per step, and foreign keys checked once at the end
        // rather than per row (rows point at canonical variants that come later in name order), on the rows themselves.
        // A page cache the size of the hot tables' indexes, so that rebuilding them and checking the keys reads no page twice.
        // Two sorter threads: rebuilding the secondary indexes (statement_actions by action above all) is mostly sorting,
        // and the second core is otherwise idle while the one connection writes; it halves their time.
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA threads=2;");
        using (var tx = connection.BeginTransaction())
        {
            var indexes = SetAsideSecondaryIndexes(connection, tx);
            var schema = new SqliteStoreSchema(connection, tx);
            var keys = new ForeignKeyCheck();
            // The stored documents' rows (most of the rows) and AWS's catalogue as soon as the model has them, the rest once it is whole.
            Insert(connection, schema, keys, CatalogTables.Versions(Part(parts.Versions, cancellationToken)), cancellationToken);
            Insert(connection, schema, keys, CatalogTables.StatementActions(Part(parts.Documents, cancellationToken)), cancellationToken);
            Insert(connection, schema, keys, CatalogTables.ActionCatalog(Part(parts.ActionCatalog, cancellationToken)), cancellationToken);
            var whole = Part(parts.Whole, cancellationToken);
            Insert(connection, schema, keys, CatalogTables.Entities(whole).Concat(CatalogTables.Findings(whole)), cancellationToken);
            keys.Complete();
            foreach (var create in indexes)
            {
                Execute(connection, create, tx);
            }
            tx.Commit();
        }
    }

    private static void FlushToDisk(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The part once the model hands it over; an <see cref="OperationCanceledException"/> when the model failed or the import is cancelled.</summary>
    private static T Part<T>(Task<T> part, CancellationToken cancellationToken) =>
        part.WaitAsync(cancellationToken).GetAwaiter().GetResult();

    private static void Insert(SqliteConnection connection, SqliteStoreSchema schema, ForeignKeyCheck keys, IEnumerable<TableRows> tables, CancellationToken cancellationToken)
    {
        foreach (var rows in tables)
        {
            var table = schema.Of(rows);
            var collector = keys.For(table);
            Insert(connection, table, rows, collector, cancellationToken);
            collector.Complete();
        }
    }

    /// <summary>
    /// Drops the non-unique secondary indexes the migrations made and returns the statements that recreate them, as
    /// they were: SQLite builds an index from sorted keys several times faster than it inserts 760,000 keys in random
    /// order (statement_actions by action, effective_grants by action). Unique indexes stay, so a duplicate still fails
    /// the row that breaks it; primary keys stay, and rows arrive in their order.
    /// </summary>
    private static List<string> SetAsideSecondaryIndexes(SqliteConnection connection, SqliteTransaction tx)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var query = connection.CreateCommand())
        {
            query.Transaction = tx;
            query.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %' ORDER BY name";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in indexes)
        {
            Execute(connection, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", tx);
        }
        return [.. indexes.Select(i => i.Sql)];
    }

    /// <summary>
    /// Values per INSERT statement: a prepared multi-row INSERT costs less per row than a statement per row. Values are
    /// bound by position through SQLite's own API: Microsoft.Data.Sqlite binds parameters by name, a lookup per value
    /// that cost more than the B-tree inserts themselves.
    /// </summary>
    private const int ValuesPerStatement = 192;

    private static void Insert(SqliteConnection connection, StoreTable table, TableRows rows, ForeignKeyCheck.Collector keys, CancellationToken cancellationToken)
    {
        var rowsPerStatement = Math.Max(1, ValuesPerStatement / table.Columns.Count);
        using var full = Prepare(connection, table, rowsPerStatement);
        var sink = new BindingSink(connection, keys);
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - start);
            using var rest = count < rowsPerStatement ? Prepare(connection, table, count) : null;
            var statement = rest ?? full;
            sink.Start(statement);
            for (var row = start; row < start + count; row++)
            {
                rows.Write(row, sink);
                sink.EndRow();
            }
            var step = raw.sqlite3_step(statement);
            Check(connection, step == raw.SQLITE_DONE ? raw.SQLITE_OK : step);
            Check(connection, raw.sqlite3_reset(statement));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static sqlite3_stmt Prepare(SqliteConnection connection, StoreTable table, int rowCount)
    {
        var row = $"({string.Join(", ", Enumerable.Repeat("?", table.Columns.Count))})";
        var sql = $"INSERT INTO \"{table.Name}\" ({table.QuotedColumns}) VALUES {string.Join(", ", Enumerable.Repeat(row, rowCount))}";
        Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        return statement;
    }

    /// <summary>Binds each value to the next parameter of the statement being filled, as EF Core's SQLite provider stores it, and shows the key check the integers.</summary>
    private sealed class BindingSink(SqliteConnection connection, ForeignKeyCheck.Collector keys) : IRowSink
    {
        private IntPtr _statement;
        private int _parameter;
        private int _column;
        // One text's UTF-8 bytes and their terminating zero, reused: SQLite copies them (SQLITE_TRANSIENT).
        private byte[] _utf8 = new byte[4096];

        /// <summary>The statement to fill; it outlives the binding of its values (<see cref="Insert(SqliteConnection, StoreTable, TableRows, ForeignKeyCheck.Collector, CancellationToken)"/> holds it).</summary>
        public void Start(sqlite3_stmt statement)
        {
            _statement = statement.DangerousGetHandle();
            _parameter = 1;
        }

        public void EndRow()
        {
            keys.EndRow();
            _column = 0;
        }

        public void Int(int value)
        {
            keys.Int(_column, value);
            Bound(Native.BindInt(_statement, _parameter, value));
        }

        public void Int(int? value)
        {
            if (value is { } number)
            {
                Int(number);
            }
            else
            {
                Null();
            }
        }

        public void Long(long? value) => Bound(value is { } number ? Native.BindInt64(_statement, _parameter, number) : Native.BindNull(_statement, _parameter));

        public void Bool(bool value) => Bound(Native.BindInt(_statement, _parameter, value ? 1 : 0));

        public void Bool(bool? value) => Bound(value is { } flag ? Native.BindInt(_statement, _parameter, flag ? 1 : 0) : Native.BindNull(_statement, _parameter));

        public void Text(string? value)
        {
            if (value is null)
            {
                Null();
                return;
            }
            var length = Encoding.UTF8.GetMaxByteCount(value.Length) + 1;
            if (_utf8.Length < length)
            {
                _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
            }
            // Zero-terminated and bound up to the first zero (length -1), as SQLitePCL binds a string.
            _utf8[Encoding.UTF8.GetBytes(value, _utf8)] = 0;
            Bound(Native.BindText(_statement, _parameter, ref _utf8[0], -1, Native.Transient));
        }

        /// <summary>EF Core's SQLite text form of a DateTimeOffset, so EF reads back what the bulk path wrote.</summary>
        public void Time(DateTimeOffset? value) =>
            Text(value?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

        private void Null() => Bound(Native.BindNull(_statement, _parameter));

        private void Bound(int result)
        {
            Check(connection, result);
            _parameter++;
            _column++;
        }
    }

    /// <summary>
    /// SQLite's bind functions on the statement's pointer, called with no GC transition: SQLitePCL's wrappers take and release
    /// a reference on the statement's SafeHandle, switch GC modes and copy each text into a new UTF-8 array, which cost more
    /// than SQLite's own work over the four million values of a full import. Each call is short and does not call back.
    /// </summary>
    private static class Native
    {
        private const string Library = "e_sqlite3";

        /// <summary>SQLITE_TRANSIENT: SQLite copies the value before the call returns.</summary>
        public static readonly IntPtr Transient = new(-1);

        [DllImport(Library, EntryPoint = "sqlite3_bind_int")]
        [SuppressGCTransition]
        public static extern int BindInt(IntPtr statement, int index, int value);

        [DllImport(Library, EntryPoint = "sqlite3_bind_int64")]
        [SuppressGCTransition]
        public static extern int BindInt64(IntPtr statement, int index, long value);

        [DllImport(Library, EntryPoint = "sqlite3_bind_null")]
        [SuppressGCTransition]
        public static extern int BindNull(IntPtr statement, int index);

        [DllImport(Library, EntryPoint = "sqlite3_bind_text")]
        [SuppressGCTransition]
        public static extern int BindText(IntPtr statement, int index, ref byte utf8, int bytes, IntPtr destructor);
    }

    private static void Check(SqliteConnection connection, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, connection.Handle);
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
