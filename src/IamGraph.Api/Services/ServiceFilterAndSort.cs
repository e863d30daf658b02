using IamGraph.Api.Actions;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Services;

/// <summary>What <c>ServiceFilterInput</c> and <c>ServiceSortInput</c> offer, and how a service is read in SQL.</summary>
public static class ServiceFilterAndSort
{
    public static EntityFieldMap<Service> Map { get; } = new EntityFieldMap<Service>(s => s.Name, s => s.Id)
        .NodeId(ServiceType.GraphTypeName)
        .Columns(s => s.Name)
        .Flag("isCanonical", s => s.CanonicalId == s.Id)
        .Columns(s => s.ActionCount, s => s.PolicyCount, s => s.RoleCount)
        .Collection<ListActionFilterInputType>("actions", ServiceRelations.Actions)
        .Collection<ListPolicyFilterInputType>("policies", ServiceRelations.Policies)
        .Collection<ListRoleFilterInputType>("roles", ServiceRelations.Roles);
}

public sealed class ServiceFilterInputType() : FilterInputGraphType("Service", ServiceFilterAndSort.Map);

public sealed class ListServiceFilterInputType() : ListFilterInputGraphType<ServiceFilterInputType>("Service");

public sealed class ServiceSortInputType() : Common.Sorting.SortInputGraphType("Service", ServiceFilterAndSort.Map);
