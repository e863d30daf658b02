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

    /// <summary>The canonical concrete actions the policy grants by IAM's rules (effective_grants), each edge with how.</summary>
    public static GrantRelations<Policy, Action, ActionGrant> EffectiveActions { get; } = new(grants => new Relation<Policy, Action>(
        db => grants(db).Select(g => new Link { ParentId = g.PolicyId, NodeId = g.ActionId, Detail = g.Via, DetailFlag = g.Unrestricted, DetailBits = (int)g.Limits }),
        () => ActionFilterAndSort.Map, navigation: p => p.EffectiveActions)
        .WithEdges(link => new ActionGrant(link.Node, GrantDetail.Of(link))));

    /// <summary>The stored versions of the policy's document.</summary>
    public static Relation<Policy, PolicyVersion> Versions { get; } = new(v => v.PolicyId, () => PolicyVersionFilterAndSort.Map, navigation: p => p.Versions);

    /// <summary>Its default version (at most one).</summary>
    public static Relation<Policy, PolicyVersion> DefaultVersion { get; } = new(
        db => db.PolicyVersions.Where(v => v.IsDefault).Select(v => new Link { ParentId = v.PolicyId, NodeId = v.Id }), () => PolicyVersionFilterAndSort.Map);
}
