using IamGraph.Api.Actions;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Policies;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Principals;

/// <summary>A policy a principal holds, with the principal_policies row that says how (null for a docs role: attached).</summary>
public sealed record PrincipalPolicyItem(Policy Policy, string? HoldingId);

/// <summary>An effective action of a principal; <c>via</c> and <c>unrestricted</c> are loaded per level by <see cref="PrincipalGrantLoader"/>.</summary>
public sealed record PrincipalActionItem(Action Action, PrincipalKind Kind, int PrincipalId);

/// <summary>The to-many relations of users, groups and roles as principals (issue 10), one declaration each.</summary>
public static class PrincipalRelations
{
    public static Relation<User, Policy, PrincipalPolicyItem> UserPolicies { get; } = PoliciesOf<User>(PrincipalKind.User);
    public static Relation<Group, Policy, PrincipalPolicyItem> GroupPolicies { get; } = PoliciesOf<Group>(PrincipalKind.Group);

    /// <summary>A role's policies: role_policies (docs roles too), each with its principal_policies row when it has one.</summary>
    public static Relation<Role, Policy, PrincipalPolicyItem> RolePolicies { get; } = new Relation<Role, Policy>(
        db => db.RolePolicies.Select(l => new Link
        {
            ParentId = l.RoleId,
            NodeId = l.PolicyId,
            Detail = db.PrincipalPolicies.Where(p => p.PrincipalKind == PrincipalKind.Role && p.PrincipalId == l.RoleId && p.PolicyId == l.PolicyId)
                .Select(p => p.Id.ToString()).FirstOrDefault(),
        }),
        () => PolicyFilterAndSort.Map, navigation: r => r.Policies)
        .WithEdges(link => new PrincipalPolicyItem(link.Node, link.Detail));

    public static Relation<User, Action, PrincipalActionItem> UserEffectiveActions { get; } = EffectiveOf<User>(PrincipalKind.User);
    public static Relation<Group, Action, PrincipalActionItem> GroupEffectiveActions { get; } = EffectiveOf<Group>(PrincipalKind.Group);
    public static Relation<Role, Action, PrincipalActionItem> RoleEffectiveActions { get; } = EffectiveOf<Role>(PrincipalKind.Role);

    public static Relation<User, Group> UserGroups { get; } = new(
        db => db.UserGroups.Select(l => new Link { ParentId = l.UserId, NodeId = l.GroupId }), () => PrincipalFilterAndSort.Groups, navigation: u => u.Groups);

    public static Relation<Group, User> GroupUsers { get; } = new(
        db => db.UserGroups.Select(l => new Link { ParentId = l.GroupId, NodeId = l.UserId }), () => PrincipalFilterAndSort.Users, navigation: g => g.Users);

    /// <summary>Who a role's trust policy lets assume it.</summary>
    public static Relation<Role, RoleTrust> TrustedBy { get; } = new(t => t.RoleId, () => PrincipalFilterAndSort.Trusts);

    private static Relation<TPrincipal, Policy, PrincipalPolicyItem> PoliciesOf<TPrincipal>(PrincipalKind kind) => new Relation<TPrincipal, Policy>(
        db => db.PrincipalPolicies.Where(p => p.PrincipalKind == kind).Select(p => new Link { ParentId = p.PrincipalId, NodeId = p.PolicyId, Detail = p.Id.ToString() }),
        () => PolicyFilterAndSort.Map)
        .WithEdges(link => new PrincipalPolicyItem(link.Node, link.Detail));

    private static Relation<TPrincipal, Action, PrincipalActionItem> EffectiveOf<TPrincipal>(PrincipalKind kind) => new(
        (db, actions, parentIds) => PrincipalEffective.Links(db, kind)
            .Where(l => parentIds.Contains(l.ParentId))
            .Select(l => new { l.ParentId, l.NodeId })
            .Distinct()
            .Join(actions, l => l.NodeId, a => a.Id, (l, a) => new ParentLink<Action> { ParentId = l.ParentId, Node = a }),
        () => ActionFilterAndSort.Map,
        link => new PrincipalActionItem(link.Node, kind, link.ParentId),
        null,
        null);
}
