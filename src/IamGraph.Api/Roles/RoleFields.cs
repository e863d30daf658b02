using IamGraph.Api.Actions;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Policies;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Roles;

/// <summary>What <c>RoleFilterInput</c> and <c>RoleSortInput</c> offer and how each field maps onto the entity.</summary>
public static class RoleFields
{
    public static EntityFieldMap<Role> Map { get; } = new EntityFieldMap<Role>(
        r => r.Name,
        r => r.Id,
        r => new Role
        {
            Id = r.Id,
            Name = r.Name,
            NameKey = "",
            Arn = r.Arn,
            Path = r.Path,
            PolicyCount = r.PolicyCount,
            ActionCount = r.ActionCount,
            ServiceCount = r.ServiceCount,
            EffectiveActionCount = r.EffectiveActionCount,
        })
        .Text("name", r => r.Name, sortable: true, caseInsensitiveKey: r => r.NameKey)
        .Text("arn", r => r.Arn, sortable: true)
        .Text("path", r => r.Path, sortable: true)
        .Count("policyCount", r => r.PolicyCount, sortable: true)
        .Count("actionCount", r => r.ActionCount, sortable: true)
        .Count("serviceCount", r => r.ServiceCount, sortable: true)
        .Count("effectiveActionCount", r => r.EffectiveActionCount, sortable: true)
        .Collection<Policy, ListPolicyFilterInputType>("policies", r => r.Policies, () => PolicyFields.Map)
        .Collection<Action, ListActionFilterInputType>("actions", r => r.Actions, () => ActionFields.Map)
        .Collection<Service, ListServiceFilterInputType>("services", r => r.Services, () => ServiceFields.Map);
}

public sealed class RoleFilterInputType() : FilterInputGraphType("Role", RoleFields.Map);

public sealed class ListRoleFilterInputType() : ListFilterInputGraphType<RoleFilterInputType>("Role");

public sealed class RoleSortInputType() : Common.Sorting.SortInputGraphType("Role", RoleFields.Map);
