using IamGraph.Api.Actions;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Policies;

/// <summary>The to-many relations of a policy, one declaration each; <see cref="PolicyType"/> has a field line per relation.</summary>
public static class PolicyRelations
{
    /// <summary>The action strings the policy's statements name.</summary>
    public static Relation<Policy, Action> Actions { get; } = new(
        db => db.PolicyActions.Select(l => new Link { ParentId = l.PolicyId, NodeId = l.ActionId }), () => ActionFilterAndSort.Map, navigation: p => p.Actions);

    public static Relation<Policy, Service> Services { get; } = new(
        db => db.PolicyServices.Select(l => new Link { ParentId = l.PolicyId, NodeId = l.ServiceId }), () => ServiceFilterAndSort.Map, navigation: p => p.Services);

    /// <summary>Roles the policy is attached to.</summary>
    public static Relation<Policy, Role> Roles { get; } = new(
        db => db.RolePolicies.Select(l => new Link { ParentId = l.PolicyId, NodeId = l.RoleId }), () => RoleFilterAndSort.Map, navigation: p => p.Roles);

    /// <summary>The canonical concrete actions the policy grants by IAM's rules (effective_grants).</summary>
    public static Relation<Policy, Action> EffectiveActions { get; } = new(
        db => db.EffectiveGrants.Select(g => new Link { ParentId = g.PolicyId, NodeId = g.ActionId }), () => ActionFilterAndSort.Map, navigation: p => p.EffectiveActions);
}
