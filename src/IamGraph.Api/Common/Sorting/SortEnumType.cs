using GraphQL.Types;

namespace IamGraph.Api.Common.Sorting;

public enum SortEnumType
{
    Asc,
    Desc,
}

public sealed class SortEnumGraphType : EnumerationGraphType<SortEnumType>
{
    public SortEnumGraphType() => Name = "SortEnumType";
}
