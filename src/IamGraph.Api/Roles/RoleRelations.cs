using IamGraph.Api.Actions;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Policies;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Roles;

/// <summary>The to-many relations of a role, one declaration each; <see cref="RoleType"/> has a field line per relation.</summary>
public static class RoleRelations
{
    /// <summary>Managed policies attached to the role.</summary>
    public static Relation<Role, Policy> Policies { get; } = new(
        db => db.RolePolicies.Select(l => new Link { ParentId = l.RoleId, NodeId = l.PolicyId }), () => PolicyFilterAndSort.Map, navigation: r => r.Policies);

    /// <summary>Union of the attached policies' action strings (stored at import).</summary>
    public static Relation<Role, Action> Actions { get; } = new(
        db => db.RoleActions.Select(l => new Link { ParentId = l.RoleId, NodeId = l.ActionId }), () => ActionFilterAndSort.Map, navigation: r => r.Actions);

    public static Relation<Role, Service> Services { get; } = new(
        db => db.RoleServices.Select(l => new Link { ParentId = l.RoleId, NodeId = l.ServiceId }), () => ServiceFilterAndSort.Map, navigation: r => r.Services);

    /// <summary>The union of the attached policies' effective actions: role_policies joined to effective_grants, each pair once.</summary>
    public static Relation<Role, Action> EffectiveActions { get; } = new(
        db => from link in db.RolePolicies
              join grant in db.EffectiveGrants on link.PolicyId equals grant.PolicyId
              select new Link { ParentId = link.RoleId, NodeId = grant.ActionId },
        () => ActionFilterAndSort.Map, distinct: true);
}
