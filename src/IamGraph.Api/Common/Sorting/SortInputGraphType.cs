using GraphQL.Types;

using IamGraph.Api.Common.Filtering;

namespace IamGraph.Api.Common.Sorting;

/// <summary>
/// <c>XSortInput</c>: one <c>SortEnumType</c> field per sortable column of the entity's field map, and the referenced entity's
/// sort input for a reference (<c>service: ServiceSortInput</c>), as HotChocolate generates them.
/// </summary>
public abstract class SortInputGraphType : InputObjectGraphType
{
    protected SortInputGraphType(string entityName, IEntityFieldMap map)
    {
        Name = entityName + "SortInput";
        foreach (var field in map.Fields.Values.Where(f => f.Sortable))
        {
            Field(field.Name, field.Kind == EntityFieldKind.Reference ? field.SortInputGraphType! : typeof(SortEnumGraphType));
        }
    }
}
