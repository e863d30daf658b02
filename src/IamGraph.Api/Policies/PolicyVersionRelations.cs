using IamGraph.Api.Common.DataLoading;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Policies;

/// <summary>The to-many relations of a policy version; <see cref="PolicyVersionType"/> has a field line per relation.</summary>
public static class PolicyVersionRelations
{
    /// <summary>The version's statements in document order, read whole (a few short columns; <c>resources</c> reads two of them).</summary>
    public static Relation<PolicyVersion, PolicyStatement> Statements { get; } = new(s => s.PolicyVersionId, () => StatementFieldMap.Map) { WholeRows = true };
}
