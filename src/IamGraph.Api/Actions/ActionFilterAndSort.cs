using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Actions;

/// <summary>What <c>ActionFilterInput</c> and <c>ActionSortInput</c> offer, and how an action is read in SQL.</summary>
public static class ActionFilterAndSort
{
    public static EntityFieldMap<Action> Map { get; } = new EntityFieldMap<Action>(a => a.Name, a => a.Id)
        .NodeId(ActionType.GraphTypeName)
        .Columns(a => a.Name, a => a.IsWildcard)
        .Flag("isCanonical", a => a.CanonicalId == a.Id)
        .Columns(a => a.PolicyCount, a => a.RoleCount, a => a.GrantedByCount, a => a.MatchCount, a => a.InCatalog)
        // Also joined into every read of actions (services are few and small), so `action.service` needs no second statement.
        .Reference<Service, ServiceFilterInputType, ServiceSortInputType>("service", a => a.Service, () => ServiceFilterAndSort.Map)
        .Collection<ListPolicyFilterInputType>("policies", ActionRelations.Policies)
        .Collection<ListRoleFilterInputType>("roles", ActionRelations.Roles)
        .Collection<ListPolicyFilterInputType>("grantedBy", ActionRelations.GrantedBy.All);
}

public sealed class ActionFilterInputType() : FilterInputGraphType("Action", ActionFilterAndSort.Map);

public sealed class ListActionFilterInputType() : ListFilterInputGraphType<ActionFilterInputType>("Action");

public sealed class ActionSortInputType() : Common.Sorting.SortInputGraphType("Action", ActionFilterAndSort.Map);
