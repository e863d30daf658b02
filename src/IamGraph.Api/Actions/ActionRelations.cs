using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Actions;

/// <summary>The to-many relations of an action, one declaration each; <see cref="ActionType"/> has a field line per relation.</summary>
public static class ActionRelations
{
    /// <summary>Policies naming this action string.</summary>
    public static Relation<Action, Policy> Policies { get; } = Relation<Action, Policy>.Through(
        db => db.PolicyActions, l => l.ActionId, l => l.PolicyId, () => PolicyFilterAndSort.Map, navigation: a => a.Policies);

    public static Relation<Action, Role> Roles { get; } = Relation<Action, Role>.Through(
        db => db.RoleActions, l => l.ActionId, l => l.RoleId, () => RoleFilterAndSort.Map, navigation: a => a.Roles);

    /// <summary>Policies granting the canonical variant by IAM's rules, each edge with the policy's patterns that matched (<c>via</c>).</summary>
    public static Relation<Action, Policy, PolicyGrant> GrantedBy { get; } = Relation<Action, Policy>.Through(
        db => db.EffectiveGrants, g => g.ActionId, g => g.PolicyId, () => PolicyFilterAndSort.Map, navigation: a => a.GrantedBy, detail: g => g.Via,
        parentIdOf: a => a.CanonicalIdOrSelf())
        .WithEdges((policy, via) => new PolicyGrant(policy, via ?? "[]"));

    /// <summary>The canonical concrete actions a pattern (or literal) covers.</summary>
    public static Relation<Action, Action> Matches { get; } = Relation<Action, Action>.Through(
        db => db.ActionMatches, m => m.PatternId, m => m.ActionId, () => ActionFilterAndSort.Map);

    /// <summary>The patterns and literals covering the canonical variant.</summary>
    public static Relation<Action, Action> MatchedBy { get; } = Relation<Action, Action>.Through(
        db => db.ActionMatches, m => m.ActionId, m => m.PatternId, () => ActionFilterAndSort.Map, parentIdOf: a => a.CanonicalIdOrSelf());

    /// <summary>Every case variant of the canonical variant, itself included.</summary>
    public static Relation<Action, Action> Variants { get; } = Relation<Action, Action>.ByNodeKey(
        a => a.CanonicalId ?? a.Id, () => ActionFilterAndSort.Map, parentIdOf: a => a.CanonicalIdOrSelf());
}
