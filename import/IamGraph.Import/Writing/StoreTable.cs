using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IamGraph.Import.Writing;

/// <summary>A table's store name and column names as EF Core's model maps them: EF Core owns the schema, the bulk paths only skip change tracking.</summary>
internal sealed record StoreTable(string Name, IReadOnlyList<string> Columns)
{
    public static StoreTable Of(IModel model, TableRows rows)
    {
        var entityType = model.FindEntityType(rows.Entity) ?? throw new InvalidOperationException($"{rows.Entity.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = rows.Properties.Select(p =>
            (entityType.FindProperty(p) ?? throw new InvalidOperationException($"{rows.Entity.Name}.{p} is not in the model.")).GetColumnName(table)
            ?? throw new InvalidOperationException($"{rows.Entity.Name}.{p} has no column."));
        return new StoreTable(table.Name, [.. columns]);
    }

    public string QuotedColumns => string.Join(", ", Columns.Select(c => $"\"{c}\""));
}
