using System.Linq.Expressions;

using IamGraph.Api.Common.Filtering;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Policies;

/// <summary>What <c>PolicyVersionFilterInput</c> and <c>PolicyVersionSortInput</c> offer, and how a version is read in SQL.</summary>
public static class PolicyVersionFilterAndSort
{
    // Newest first by version number: "v10" follows "v9" because it is longer, and equal lengths compare as text.
    private static readonly Expression<Func<PolicyVersion, int>> NumberLength = v => v.VersionId.Length;
    private static readonly Expression<Func<PolicyVersion, string>> NumberText = v => v.VersionId;

    public static EntityFieldMap<PolicyVersion> Map { get; } = new EntityFieldMap<PolicyVersion>(v => v.Id, new DefaultSortKey(NumberLength, Descending: true), new DefaultSortKey(NumberText, Descending: true))
        .NodeId(PolicyVersionType.GraphTypeName)
        // Filterable, not sortable: as text "v10" sorts before "v9"; the default order is the version number's.
        .Text("versionId", v => v.VersionId)
        .Columns(v => v.IsDefault);
}

/// <summary>How a statement is read: in its document's order.</summary>
public static class StatementFieldMap
{
    private static readonly Expression<Func<PolicyStatement, int>> Ordinal = s => s.Ordinal;

    public static EntityFieldMap<PolicyStatement> Map { get; } = new(s => s.Id, new DefaultSortKey(Ordinal));
}

public sealed class PolicyVersionFilterInputType() : FilterInputGraphType("PolicyVersion", PolicyVersionFilterAndSort.Map);

public sealed class PolicyVersionSortInputType() : Common.Sorting.SortInputGraphType("PolicyVersion", PolicyVersionFilterAndSort.Map);
