using IamGraph.Api.Actions;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Services;

/// <summary>What <c>ServiceFilterInput</c> and <c>ServiceSortInput</c> offer and how each field maps onto the entity.</summary>
public static class ServiceFields
{
    public static EntityFieldMap<Service> Map { get; } = new EntityFieldMap<Service>(
        s => s.Name,
        s => s.Id,
        s => new Service
        {
            Id = s.Id,
            Name = s.Name,
            NameKey = "",
            CanonicalId = s.CanonicalId,
            ActionCount = s.ActionCount,
            PolicyCount = s.PolicyCount,
            RoleCount = s.RoleCount,
        })
        .Text("name", s => s.Name, sortable: true, caseInsensitiveKey: s => s.NameKey)
        .Flag("isCanonical", s => s.CanonicalId == s.Id)
        .Count("actionCount", s => s.ActionCount, sortable: true)
        .Count("policyCount", s => s.PolicyCount, sortable: true)
        .Count("roleCount", s => s.RoleCount, sortable: true)
        .Collection<Action, ListActionFilterInputType>("actions", s => s.Actions, () => ActionFields.Map)
        .Collection<Policy, ListPolicyFilterInputType>("policies", s => s.Policies, () => PolicyFields.Map)
        .Collection<Role, ListRoleFilterInputType>("roles", s => s.Roles, () => RoleFields.Map);
}

public sealed class ServiceFilterInputType() : FilterInputGraphType("Service", ServiceFields.Map);

public sealed class ListServiceFilterInputType() : ListFilterInputGraphType<ServiceFilterInputType>("Service");

public sealed class ServiceSortInputType() : Common.Sorting.SortInputGraphType("Service", ServiceFields.Map);
