using IamGraph.Api.Actions;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Policies;

/// <summary>What <c>PolicyFilterInput</c> and <c>PolicySortInput</c> offer and how each field maps onto the entity.</summary>
public static class PolicyFields
{
    public static EntityFieldMap<Policy> Map { get; } = new EntityFieldMap<Policy>(
        p => p.Name,
        p => p.Id,
        p => new Policy
        {
            Id = p.Id,
            Name = p.Name,
            NameKey = "",
            Arn = p.Arn,
            Path = p.Path,
            AwsManaged = p.AwsManaged,
            ActionCount = p.ActionCount,
            ServiceCount = p.ServiceCount,
            RoleCount = p.RoleCount,
            EffectiveActionCount = p.EffectiveActionCount,
        })
        .Text("name", p => p.Name, sortable: true, caseInsensitiveKey: p => p.NameKey)
        .Text("arn", p => p.Arn, sortable: true)
        .Text("path", p => p.Path, sortable: true)
        .Flag("awsManaged", p => p.AwsManaged)
        .Count("actionCount", p => p.ActionCount, sortable: true)
        .Count("serviceCount", p => p.ServiceCount, sortable: true)
        .Count("roleCount", p => p.RoleCount, sortable: true)
        .Count("effectiveActionCount", p => p.EffectiveActionCount, sortable: true)
        .Collection<Action, ListActionFilterInputType>("actions", p => p.Actions, () => ActionFields.Map)
        .Collection<Service, ListServiceFilterInputType>("services", p => p.Services, () => ServiceFields.Map)
        .Collection<Role, ListRoleFilterInputType>("roles", p => p.Roles, () => RoleFields.Map)
        .Collection<Action, ListActionFilterInputType>("effectiveActions", p => p.EffectiveActions, () => ActionFields.Map);
}

public sealed class PolicyFilterInputType() : FilterInputGraphType("Policy", PolicyFields.Map);

public sealed class ListPolicyFilterInputType() : ListFilterInputGraphType<PolicyFilterInputType>("Policy");

public sealed class PolicySortInputType() : Common.Sorting.SortInputGraphType("Policy", PolicyFields.Map);
