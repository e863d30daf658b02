namespace IamGraph.Import.Writing;

/// <summary>
/// The foreign keys of the schema checked on the rows as they are written: what SQLite's
/// <c>PRAGMA foreign_key_check</c> says once all are, without a B-tree lookup per key (1.5 million in a full import).
/// Every principal of the catalogue is keyed by an integer id, and every key it checks is one column.
/// </summary>
internal sealed class ForeignKeyCheck
{
    private readonly Dictionary<string, HashSet<int>> _ids = new(StringComparer.Ordinal);

    /// <summary>What to collect and check in one table's rows; tables come in foreign-key order, so every principal but the table itself is complete.</summary>
    public Collector For(StoreTable table)
    {
        var ids = table.IdColumn >= 0 ? (_ids.TryGetValue(table.Name, out var existing) ? existing : _ids[table.Name] = []) : null;
        var references = new Reference?[table.Columns.Count];
        for (var column = 0; column < references.Length; column++)
        {
            if (table.References[column] is { } principal)
            {
                var toItself = principal == table.Name;
                references[column] = new Reference(toItself, toItself ? ids ?? [] : _ids.GetValueOrDefault(principal) ?? [], principal);
            }
        }
        return new Collector(table, table.IdColumn, ids, references);
    }

    /// <summary>One foreign key of a table: the principal's ids (its own, still filling, when it points at its own table).</summary>
    internal sealed record Reference(bool ToItself, HashSet<int> PrincipalIds, string PrincipalTable)
    {
        // Rows pointing at their own table (a canonical variant later in name order) wait until the table is complete.
        public List<(long Row, int Key)> Pending { get; } = [];
    }

    /// <summary>
    /// Sees one table's integer values as they are written (<see cref="Int"/>, then <see cref="EndRow"/> per row), and throws, as
    /// the SQLite check did, naming the first row (its rowid) that points at no row.
    /// </summary>
    public sealed class Collector
    {
        private readonly StoreTable _table;
        private readonly int _idColumn;
        private readonly HashSet<int>? _ids;
        private readonly Reference?[] _references;
        private readonly int?[] _keys;
        private int _id;
        private long _rowid;

        internal Collector(StoreTable table, int idColumn, HashSet<int>? ids, Reference?[] references)
        {
            _table = table;
            _idColumn = idColumn;
            _ids = ids;
            _references = references;
            _keys = new int?[references.Length];
        }

        /// <summary>The integer value of <paramref name="column"/> in the current row (a null is never seen: it points at nothing).</summary>
        public void Int(int column, int value)
        {
            if (column == _idColumn)
            {
                _id = value;
                _ids!.Add(value);
            }
            if (_references[column] is not null)
            {
                _keys[column] = value;
            }
        }

        public void EndRow()
        {
            // A table keyed by an integer id stores it as its rowid; any other numbers its rows from 1 in insertion order.
            _rowid = _idColumn >= 0 ? _id : _rowid + 1;
            for (var column = 0; column < _references.Length; column++)
            {
                if (_references[column] is not { } reference || _keys[column] is not { } key)
                {
                    continue;
                }
                _keys[column] = null;
                if (reference.ToItself)
                {
                    reference.Pending.Add((_rowid, key));
                }
                else if (!reference.PrincipalIds.Contains(key))
                {
                    throw Violation(_rowid, reference);
                }
            }
        }

        /// <summary>Checks the rows that point at their own table, now that it is complete.</summary>
        public void Complete()
        {
            foreach (var reference in _references)
            {
                foreach (var (row, key) in reference?.Pending ?? [])
                {
                    if (!reference!.PrincipalIds.Contains(key))
                    {
                        throw Violation(row, reference);
                    }
                }
            }
        }

        private InvalidOperationException Violation(long row, Reference reference) =>
            new($"The catalogue is inconsistent: row {row} of {_table.Name} points at a missing row of {reference.PrincipalTable}.");
    }
}
