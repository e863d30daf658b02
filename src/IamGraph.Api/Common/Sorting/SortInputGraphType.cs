using GraphQL.Types;

using IamGraph.Api.Common.Filtering;

namespace IamGraph.Api.Common.Sorting;

/// <summary><c>XSortInput</c>: one <c>SortEnumType</c> field per sortable field of the entity's field map.</summary>
public abstract class SortInputGraphType : InputObjectGraphType
{
    protected SortInputGraphType(string entityName, IEntityFieldMap map)
    {
        Name = entityName + "SortInput";
        foreach (var field in map.Fields.Values.Where(f => f.Sortable))
        {
            Field<SortEnumGraphType>(field.Name);
        }
    }
}
