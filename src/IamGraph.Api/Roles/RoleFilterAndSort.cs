using IamGraph.Api.Actions;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Policies;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Roles;

/// <summary>What <c>RoleFilterInput</c> and <c>RoleSortInput</c> offer, and how a role is read in SQL.</summary>
public static class RoleFilterAndSort
{
    public static EntityFieldMap<Role> Map { get; } = new EntityFieldMap<Role>(r => r.Name, r => r.Id)
        .NodeId(RoleType.GraphTypeName)
        .Columns(r => r.Name, r => r.Arn, r => r.Path, r => r.PolicyCount, r => r.ActionCount, r => r.ServiceCount, r => r.EffectiveActionCount)
        .Collection<ListPolicyFilterInputType>("policies", RoleRelations.Policies)
        .Collection<ListActionFilterInputType>("actions", RoleRelations.Actions)
        .Collection<ListServiceFilterInputType>("services", RoleRelations.Services);
}

public sealed class RoleFilterInputType() : FilterInputGraphType("Role", RoleFilterAndSort.Map);

public sealed class ListRoleFilterInputType() : ListFilterInputGraphType<RoleFilterInputType>("Role");

public sealed class RoleSortInputType() : Common.Sorting.SortInputGraphType("Role", RoleFilterAndSort.Map);
