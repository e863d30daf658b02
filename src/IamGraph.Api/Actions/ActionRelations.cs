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
    public static Relation<Action, Policy> Policies { get; } = new(
        db => db.PolicyActions.Select(l => new Link { ParentId = l.ActionId, NodeId = l.PolicyId }), () => PolicyFilterAndSort.Map, navigation: a => a.Policies);

    public static Relation<Action, Role> Roles { get; } = new(
        db => db.RoleActions.Select(l => new Link { ParentId = l.ActionId, NodeId = l.RoleId }), () => RoleFilterAndSort.Map, navigation: a => a.Roles);

    /// <summary>Policies granting the canonical variant by IAM's rules, each edge with the policy's patterns that matched (<c>via</c>).</summary>
    public static Relation<Action, Policy, PolicyGrant> GrantedBy { get; } = new Relation<Action, Policy>(
        db => db.EffectiveGrants.Select(g => new Link { ParentId = g.ActionId, NodeId = g.PolicyId, Detail = g.Via }), () => PolicyFilterAndSort.Map, navigation: a => a.GrantedBy,
        parentIdOf: a => a.CanonicalId)
        .WithEdges((policy, via) => new PolicyGrant(policy, via ?? "[]"));

    /// <summary>The canonical concrete actions a pattern (or literal) covers.</summary>
    public static Relation<Action, Action> Matches { get; } = new(
        db => db.ActionMatches.Select(m => new Link { ParentId = m.PatternId, NodeId = m.ActionId }), () => ActionFilterAndSort.Map);

    /// <summary>The patterns and literals covering the canonical variant.</summary>
    public static Relation<Action, Action> MatchedBy { get; } = new(
        db => db.ActionMatches.Select(m => new Link { ParentId = m.ActionId, NodeId = m.PatternId }), () => ActionFilterAndSort.Map, parentIdOf: a => a.CanonicalId);

    /// <summary>Every case variant of the canonical variant, itself included.</summary>
    public static Relation<Action, Action> Variants { get; } = new(
        a => a.CanonicalId, () => ActionFilterAndSort.Map, parentIdOf: a => a.CanonicalId);
}
