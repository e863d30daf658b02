using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IamGraph.Import.Writing;

/// <summary>
/// The foreign keys of EF Core's model checked on the rows as they are written, once all are: what SQLite's
/// <c>PRAGMA foreign_key_check</c> says, without a B-tree lookup per key (1.5 million of them in a full import).
/// Every principal of the catalogue is keyed by an integer id, and every key it checks is one column.
/// </summary>
internal sealed class ForeignKeyCheck(IModel model)
{
    private readonly Dictionary<Type, HashSet<int>> _ids = [];
    private readonly List<(StoreTable Table, Type Principal, string PrincipalTable, List<(long Row, int Key)> Keys)> _references = [];

    /// <summary>What to collect from one table's rows: its ids (when others point at them) and its references.</summary>
    public Collector For(TableRows rows, StoreTable table)
    {
        var entityType = model.FindEntityType(rows.Entity)!;
        var idColumn = entityType.FindPrimaryKey() is { Properties: [{ ClrType: var type } key] } && type == typeof(int) ? IndexOf(rows, key.Name) : -1;
        HashSet<int>? ids = null;
        if (idColumn >= 0)
        {
            ids = _ids.TryGetValue(rows.Entity, out var existing) ? existing : _ids[rows.Entity] = [];
        }
        var references = new List<(int Column, List<(long Row, int Key)> Keys)>();
        foreach (var foreignKey in entityType.GetForeignKeys())
        {
            if (foreignKey.Properties is [var property] && IndexOf(rows, property.Name) is var column and >= 0)
            {
                var keys = new List<(long Row, int Key)>();
                references.Add((column, keys));
                var principal = foreignKey.PrincipalEntityType;
                _references.Add((table, principal.ClrType, principal.GetTableName()!, keys));
            }
        }
        return new Collector(idColumn, ids, references);
    }

    /// <summary>Throws, as the SQLite check did, naming the first row (its rowid) that points at no row.</summary>
    public void ThrowOnViolation()
    {
        foreach (var (table, principal, principalTable, keys) in _references)
        {
            var ids = _ids.GetValueOrDefault(principal) ?? [];
            foreach (var (row, key) in keys)
            {
                if (!ids.Contains(key))
                {
                    throw new InvalidOperationException(
                        $"The catalogue is inconsistent: row {row} of {table.Name} points at a missing row of {principalTable}.");
                }
            }
        }
    }

    private static int IndexOf(TableRows rows, string property)
    {
        for (var i = 0; i < rows.Properties.Count; i++)
        {
            if (rows.Properties[i] == property)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Sees one table's rows in the order they are inserted.</summary>
    public sealed class Collector(int idColumn, HashSet<int>? ids, List<(int Column, List<(long Row, int Key)> Keys)> references)
    {
        private long _rowid;

        public void Add(object?[] row)
        {
            // A table keyed by an integer id stores it as its rowid; any other numbers its rows from 1 in insertion order.
            _rowid = idColumn >= 0 ? (int)row[idColumn]! : _rowid + 1;
            if (ids is not null)
            {
                ids.Add((int)row[idColumn]!);
            }
            foreach (var (column, keys) in references)
            {
                if (row[column] is int key)
                {
                    keys.Add((_rowid, key));
                }
            }
        }
    }
}
