using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Actions;

/// <summary>What <c>ActionFilterInput</c> and <c>ActionSortInput</c> offer and how each field maps onto the entity.</summary>
public static class ActionFields
{
    public static EntityFieldMap<Action> Map { get; } = new EntityFieldMap<Action>(
        a => a.Name,
        a => a.Id,
        a => new Action
        {
            Id = a.Id,
            Name = a.Name,
            NameKey = "",
            ServiceId = a.ServiceId,
            IsWildcard = a.IsWildcard,
            PolicyCount = a.PolicyCount,
            RoleCount = a.RoleCount,
            CanonicalId = a.CanonicalId,
            GrantedByCount = a.GrantedByCount,
            MatchCount = a.MatchCount,
            // Joined in (services are few and small) so `action.service` needs no second statement.
            Service = new Service
            {
                Id = a.Service.Id,
                Name = a.Service.Name,
                NameKey = "",
                CanonicalId = a.Service.CanonicalId,
                ActionCount = a.Service.ActionCount,
                PolicyCount = a.Service.PolicyCount,
                RoleCount = a.Service.RoleCount,
            },
        })
        .Text("name", a => a.Name, sortable: true, caseInsensitiveKey: a => a.NameKey)
        .Flag("isWildcard", a => a.IsWildcard)
        .Flag("isCanonical", a => a.CanonicalId == a.Id)
        .Count("policyCount", a => a.PolicyCount, sortable: true)
        .Count("roleCount", a => a.RoleCount, sortable: true)
        .Count("grantedByCount", a => a.GrantedByCount, sortable: true)
        .Count("matchCount", a => a.MatchCount, sortable: true)
        .Reference<Service, ServiceFilterInputType>("service", a => a.Service, () => ServiceFields.Map)
        .Collection<Policy, ListPolicyFilterInputType>("policies", a => a.Policies, () => PolicyFields.Map)
        .Collection<Role, ListRoleFilterInputType>("roles", a => a.Roles, () => RoleFields.Map)
        .Collection<Policy, ListPolicyFilterInputType>("grantedBy", a => a.GrantedBy, () => PolicyFields.Map);
}

public sealed class ActionFilterInputType() : FilterInputGraphType("Action", ActionFields.Map);

public sealed class ListActionFilterInputType() : ListFilterInputGraphType<ActionFilterInputType>("Action");

public sealed class ActionSortInputType() : Common.Sorting.SortInputGraphType("Action", ActionFields.Map);
