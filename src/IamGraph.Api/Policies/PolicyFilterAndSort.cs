using IamGraph.Api.Actions;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Policies;

/// <summary>What <c>PolicyFilterInput</c> and <c>PolicySortInput</c> offer, and how a policy is read in SQL.</summary>
public static class PolicyFilterAndSort
{
    public static EntityFieldMap<Policy> Map { get; } = new EntityFieldMap<Policy>(p => p.Name, p => p.Id)
        .NodeId(PolicyType.GraphTypeName)
        .Columns(p => p.Name, p => p.Arn, p => p.Path, p => p.AwsManaged, p => p.ActionCount, p => p.ServiceCount, p => p.RoleCount, p => p.EffectiveActionCount)
        .Collection<ListActionFilterInputType>("actions", PolicyRelations.Actions)
        .Collection<ListServiceFilterInputType>("services", PolicyRelations.Services)
        .Collection<ListRoleFilterInputType>("roles", PolicyRelations.Roles)
        .Collection<ListActionFilterInputType>("effectiveActions", PolicyRelations.EffectiveActions.All);
}

public sealed class PolicyFilterInputType() : FilterInputGraphType("Policy", PolicyFilterAndSort.Map);

public sealed class ListPolicyFilterInputType() : ListFilterInputGraphType<PolicyFilterInputType>("Policy");

public sealed class PolicySortInputType() : Common.Sorting.SortInputGraphType("Policy", PolicyFilterAndSort.Map);
