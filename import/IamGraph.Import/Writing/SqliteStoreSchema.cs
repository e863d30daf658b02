using System.Reflection;
using IamGraph.Catalog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IamGraph.Import.Writing;

/// <summary>
/// <see cref="StoreTable"/>s read from the staging database itself, which EF Core's migrations script made: its tables, columns,
/// primary keys and foreign keys (<c>PRAGMA table_info</c>, <c>PRAGMA foreign_key_list</c>). Building EF Core's runtime model for
/// this costs a cold import more than half a second; only the names are derived here, by the conventions the model applies
/// (a table is named after its <c>DbSet</c>, a column after its property, both snake_case), and every name must exist in the
/// file. A test holds every table of the catalogue equal to what <see cref="StoreTable.Of(Microsoft.EntityFrameworkCore.Metadata.IModel, TableRows)"/> gives.
/// </summary>
internal sealed class SqliteStoreSchema(SqliteConnection connection, SqliteTransaction transaction)
{
    /// <summary>Entity type to table name: the snake_case name of its <c>DbSet</c> on the context (reflection only, no model).</summary>
    private static readonly Dictionary<Type, string> TableNames = typeof(CatalogDbContext).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
        .ToDictionary(p => p.PropertyType.GetGenericArguments()[0], p => SnakeCaseNames.ToSnakeCase(p.Name));

    public StoreTable Of(TableRows rows)
    {
        if (!TableNames.TryGetValue(rows.Entity, out var name))
        {
            throw new InvalidOperationException($"{rows.Entity.Name} is not in the model.");
        }
        // Reference types only, here and below: a generic instantiation over a value type of ours would be JIT-compiled cold.
        var columns = Query($"SELECT name, type, pk FROM pragma_table_info({Literal(name)}) ORDER BY cid")
            .Select(row => new StoreColumn(row[0]!, row[1]!, row[2] != "0")).ToList();
        if (columns.Count == 0)
        {
            throw new InvalidOperationException($"{rows.Entity.Name} is not in the model.");
        }
        var names = rows.Properties.Select(p => SnakeCaseNames.ToSnakeCase(p) is var column && columns.Exists(c => c.Name == column)
            ? column : throw new InvalidOperationException($"{rows.Entity.Name}.{p} has no column.")).ToArray();
        // An integer primary key of one column is the rowid, and what the catalogue's foreign keys point at.
        var key = columns.Where(c => c.InPrimaryKey).ToArray();
        var idColumn = key is [{ Type: "INTEGER" } id] ? StoreTable.IndexOf(names, id.Name) : -1;
        var references = new string?[names.Length];
        var foreignKeys = Query($"SELECT id, \"table\", \"from\" FROM pragma_foreign_key_list({Literal(name)}) ORDER BY id, seq");
        foreach (var foreignKey in foreignKeys.GroupBy(row => row[0]))
        {
            if (foreignKey.ToArray() is [var single] && StoreTable.IndexOf(names, single[2]!) is var column and >= 0)
            {
                references[column] = single[1];
            }
        }
        return new StoreTable(name, names, idColumn, references);
    }

    private sealed record StoreColumn(string Name, string Type, bool InPrimaryKey);

    private List<string?[]> Query(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }

    private static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
