namespace IamGraph.Import.Writing;

/// <summary>
/// The foreign keys of the schema checked on the rows as they are written: what SQLite's
/// <c>PRAGMA foreign_key_check</c> says once all are, without a B-tree lookup per key (1.5 million in a full import).
/// Every principal of the catalogue is keyed by an integer id, and every key it checks is one column.
/// </summary>
internal sealed class ForeignKeyCheck
{
    private readonly Dictionary<string, HashSet<int>> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _complete = new(StringComparer.Ordinal);
    private readonly List<Collector> _waiting = [];

    /// <summary>
    /// What to collect and check in one table's rows. A key whose principal table is complete is checked at once; one whose
    /// principal is still to come (its own table: a canonical variant later in name order; or a table written later, as the
    /// stored documents' rows are written before the policies and actions) waits for <see cref="Complete"/>.
    /// </summary>
    public Collector For(StoreTable table)
    {
        var ids = table.IdColumn >= 0 ? IdsOf(table.Name) : null;
        var references = new Reference?[table.Columns.Count];
        for (var column = 0; column < references.Length; column++)
        {
            if (table.References[column] is { } principal)
            {
                references[column] = new Reference(!_complete.Contains(principal), IdsOf(principal), principal);
            }
        }
        var collector = new Collector(this, table, table.IdColumn, ids, references);
        _waiting.Add(collector);
        return collector;
    }

    /// <summary>Checks the keys that waited for their principal, table by table in the order written; a principal never written has no rows.</summary>
    public void Complete()
    {
        foreach (var collector in _waiting)
        {
            collector.CheckPending();
        }
    }

    private HashSet<int> IdsOf(string table) => _ids.TryGetValue(table, out var ids) ? ids : _ids[table] = [];

    /// <summary>One foreign key of a table: the principal's ids, complete unless <paramref name="Deferred"/>.</summary>
    internal sealed record Reference(bool Deferred, HashSet<int> PrincipalIds, string PrincipalTable)
    {
        // The keys of a deferred reference, with their rows, wait until every table is written: 760,000 of statement_actions,
        // so a row is an int (an int id, or a place in a table of at most int.MaxValue rows), which halves the list.
        public List<(int Row, int Key)> Pending { get; } = [];
    }

    /// <summary>
    /// Sees one table's integer values as they are written (<see cref="Int"/>, then <see cref="EndRow"/> per row), and throws, as
    /// the SQLite check did, naming the first row (its rowid) that points at no row.
    /// </summary>
    public sealed class Collector
    {
        private readonly ForeignKeyCheck _check;
        private readonly StoreTable _table;
        private readonly int _idColumn;
        private readonly HashSet<int>? _ids;
        private readonly Reference?[] _references;
        private readonly int?[] _keys;
        private int _id;
        private int _rowid;

        internal Collector(ForeignKeyCheck check, StoreTable table, int idColumn, HashSet<int>? ids, Reference?[] references)
        {
            _check = check;
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
                if (reference.Deferred)
                {
                    reference.Pending.Add((_rowid, key));
                }
                else if (!reference.PrincipalIds.Contains(key))
                {
                    throw Violation(_rowid, reference);
                }
            }
        }

        /// <summary>The table's rows are all seen: keys pointing at it from tables written later are checked at once.</summary>
        public void Complete() => _check._complete.Add(_table.Name);

        internal void CheckPending()
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

        private InvalidOperationException Violation(int row, Reference reference) =>
            new($"The catalogue is inconsistent: row {row} of {_table.Name} points at a missing row of {reference.PrincipalTable}.");
    }
}
