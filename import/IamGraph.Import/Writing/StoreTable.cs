using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IamGraph.Import.Writing;

/// <summary>
/// A table's store name and column names as EF Core's model maps them (EF Core owns the schema, the bulk paths only skip change
/// tracking), and what <see cref="ForeignKeyCheck"/> checks: the column holding the table's integer id (-1 when it has none) and,
/// per column, the table a one-column foreign key on it points at.
/// </summary>
internal sealed record StoreTable(string Name, IReadOnlyList<string> Columns, int IdColumn, IReadOnlyList<string?> References)
{
    public static StoreTable Of(IModel model, TableRows rows)
    {
        var entityType = model.FindEntityType(rows.Entity) ?? throw new InvalidOperationException($"{rows.Entity.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = rows.Properties.Select(p =>
            (entityType.FindProperty(p) ?? throw new InvalidOperationException($"{rows.Entity.Name}.{p} is not in the model.")).GetColumnName(table)
            ?? throw new InvalidOperationException($"{rows.Entity.Name}.{p} has no column."));
        var idColumn = entityType.FindPrimaryKey() is { Properties: [{ ClrType: var type } key] } && type == typeof(int) ? IndexOf(rows.Properties, key.Name) : -1;
        var references = new string?[rows.Properties.Count];
        foreach (var foreignKey in entityType.GetForeignKeys())
        {
            if (foreignKey.Properties is [var property] && IndexOf(rows.Properties, property.Name) is var column and >= 0)
            {
                references[column] = foreignKey.PrincipalEntityType.GetTableName()!;
            }
        }
        return new StoreTable(table.Name, [.. columns], idColumn, references);
    }

    public string QuotedColumns => string.Join(", ", Columns.Select(c => $"\"{c}\""));

    internal static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }
        return -1;
    }
}
