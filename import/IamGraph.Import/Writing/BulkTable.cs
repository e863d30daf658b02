using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IamGraph.Import.Writing;

/// <summary>
/// A prepared INSERT for one entity's table, with table and column names taken from the EF Core model:
/// EF Core owns the schema, this only skips change tracking (tens of times faster for 50k rows).
/// </summary>
internal sealed class BulkTable<TRow>
{
    private readonly (string Property, Func<TRow, object?> Value)[] _columns;
    private readonly string _sql;

    public BulkTable(IModel model, Type entity, params (string Property, Func<TRow, object?> Value)[] columns)
    {
        var entityType = model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var names = columns.Select(c =>
            (entityType.FindProperty(c.Property) ?? throw new InvalidOperationException($"{entity.Name}.{c.Property} is not in the model."))
                .GetColumnName(table) ?? throw new InvalidOperationException($"{entity.Name}.{c.Property} has no column."));
        _columns = columns;
        _sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
    }

    public void Insert(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _sql;
        var parameters = _columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.Prepare();
        var n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                parameters[i].Value = _columns[i].Value(row) ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
            if (++n % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
