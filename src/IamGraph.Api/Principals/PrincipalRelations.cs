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

    public static PrincipalEffectiveActions<User> UserEffectiveActions { get; } = new(PrincipalKind.User);
    public static PrincipalEffectiveActions<Group> GroupEffectiveActions { get; } = new(PrincipalKind.Group);
    public static PrincipalEffectiveActions<Role> RoleEffectiveActions { get; } = new(PrincipalKind.Role);

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

}

/// <summary>
/// A principal's effective actions, declared three ways as its <c>unrestricted:</c> argument asks (as <c>Policy.effectiveActions</c>):
/// every one, only those some policy grants unrestricted within an unrestricted boundary (true), or only the others (false).
/// </summary>
public sealed class PrincipalEffectiveActions<TPrincipal>(PrincipalKind kind)
{
    public PrincipalKind Kind { get; } = kind;

    public Relation<TPrincipal, Action, PrincipalActionItem> All { get; } = Declare(kind, db => PrincipalEffective.Links(db, kind));

    public Relation<TPrincipal, Action, PrincipalActionItem> Unrestricted { get; } = Declare(kind, db => PrincipalEffective.Links(db, kind, unrestrictedOnly: true));

    public Relation<TPrincipal, Action, PrincipalActionItem> Limited { get; } = Declare(kind, db =>
    {
        var unrestricted = PrincipalEffective.Links(db, kind, unrestrictedOnly: true);
        return PrincipalEffective.Links(db, kind).Where(l => !unrestricted.Any(u => u.ParentId == l.ParentId && u.NodeId == l.NodeId));
    });

    public Relation<TPrincipal, Action, PrincipalActionItem> For(bool? unrestricted) => unrestricted switch
    {
        true => Unrestricted,
        false => Limited,
        null => All,
    };

    private static Relation<TPrincipal, Action, PrincipalActionItem> Declare(PrincipalKind kind, Func<Catalog.CatalogDbContext, IQueryable<Link>> links) => new(
        (db, actions, parentIds) => links(db)
            .Where(l => parentIds.Contains(l.ParentId))
            .Select(l => new { l.ParentId, l.NodeId })
            .Distinct()
            .Join(actions, l => l.NodeId, a => a.Id, (l, a) => new ParentLink<Action> { ParentId = l.ParentId, Node = a }),
        () => ActionFilterAndSort.Map,
        link => new PrincipalActionItem(link.Node, kind, link.ParentId),
        null,
        null);
}
