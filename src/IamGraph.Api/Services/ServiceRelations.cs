using IamGraph.Api.Actions;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Services;

/// <summary>The to-many relations of a service, one declaration each; <see cref="ServiceType"/> has a field line per relation.</summary>
public static class ServiceRelations
{
    /// <summary>The service's action strings: they hold its id themselves (<c>actions.service_id</c>), no join table.</summary>
    public static Relation<Service, Action> Actions { get; } = new(
        a => a.ServiceId, () => ActionFilterAndSort.Map, navigation: s => s.Actions);

    /// <summary>Policies naming at least one action of the service.</summary>
    public static Relation<Service, Policy> Policies { get; } = new(
        db => db.PolicyServices.Select(l => new Link { ParentId = l.ServiceId, NodeId = l.PolicyId }), () => PolicyFilterAndSort.Map, navigation: s => s.Policies);

    public static Relation<Service, Role> Roles { get; } = new(
        db => db.RoleServices.Select(l => new Link { ParentId = l.ServiceId, NodeId = l.RoleId }), () => RoleFilterAndSort.Map, navigation: s => s.Roles);

    /// <summary>Every case variant of the canonical variant, itself included.</summary>
    public static Relation<Service, Service> Variants { get; } = new(
        s => s.CanonicalId, () => ServiceFilterAndSort.Map, parentIdOf: s => s.CanonicalId);
}
