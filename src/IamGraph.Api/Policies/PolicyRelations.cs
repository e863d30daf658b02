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
    public static Relation<Policy, Action> Actions { get; } = Relation<Policy, Action>.Through(
        db => db.PolicyActions, l => l.PolicyId, l => l.ActionId, () => ActionFilterAndSort.Map, navigation: p => p.Actions);

    public static Relation<Policy, Service> Services { get; } = Relation<Policy, Service>.Through(
        db => db.PolicyServices, l => l.PolicyId, l => l.ServiceId, () => ServiceFilterAndSort.Map, navigation: p => p.Services);

    /// <summary>Roles the policy is attached to.</summary>
    public static Relation<Policy, Role> Roles { get; } = Relation<Policy, Role>.Through(
        db => db.RolePolicies, l => l.PolicyId, l => l.RoleId, () => RoleFilterAndSort.Map, navigation: p => p.Roles);

    /// <summary>The canonical concrete actions the policy grants by IAM's rules (effective_grants).</summary>
    public static Relation<Policy, Action> EffectiveActions { get; } = Relation<Policy, Action>.Through(
        db => db.EffectiveGrants, g => g.PolicyId, g => g.ActionId, () => ActionFilterAndSort.Map, navigation: p => p.EffectiveActions);
}
