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

    /// <summary>Policies granting the canonical variant by IAM's rules, each edge with how: the policy's patterns that matched (<c>via</c>), its limits.</summary>
    public static GrantRelations<Action, Policy, PolicyGrant> GrantedBy { get; } = new(grants => new Relation<Action, Policy>(
        db => grants(db).Select(g => new Link { ParentId = g.ActionId, NodeId = g.PolicyId, Detail = g.Via, DetailFlag = g.Unrestricted, DetailBits = (int)g.Limits }),
        () => PolicyFilterAndSort.Map, navigation: a => a.GrantedBy, parentIdOf: a => a.CanonicalId)
        .WithEdges(link => new PolicyGrant(link.Node, GrantDetail.Of(link))));

    /// <summary>AWS's resource types for the action (answered for the canonical variant), each with whether it is required and its condition keys.</summary>
    public static Relation<Action, ResourceType, ActionResourceTypeItem> ResourceTypes { get; } = new Relation<Action, ResourceType>(
        db => db.ActionResourceTypes.Select(l => new Link { ParentId = l.ActionId, NodeId = l.ResourceTypeId, Detail = l.ConditionKeys, DetailFlag = l.Required, DetailBits = 0 }),
        () => CatalogEntryFieldMaps.ResourceTypes, parentIdOf: a => a.CanonicalId)
    { WholeRows = true }
        .WithEdges(link => new ActionResourceTypeItem(link.Node, link.DetailFlag == true, link.Detail ?? "[]"));

    /// <summary>AWS's action-level condition keys (answered for the canonical variant).</summary>
    public static Relation<Action, ConditionKey> ConditionKeys { get; } = new(
        db => db.ActionConditionKeys.Select(l => new Link { ParentId = l.ActionId, NodeId = l.ConditionKeyId }), () => CatalogEntryFieldMaps.ConditionKeys,
        parentIdOf: a => a.CanonicalId);

    /// <summary>Actions AWS says a call of this one also needs (answered for the canonical variant).</summary>
    public static Relation<Action, Action> DependentActions { get; } = new(
        db => db.ActionDependencies.Select(l => new Link { ParentId = l.ActionId, NodeId = l.DependentActionId }), () => ActionFilterAndSort.Map,
        parentIdOf: a => a.CanonicalId);

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
