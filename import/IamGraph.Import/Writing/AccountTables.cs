using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;

namespace IamGraph.Import.Writing;

/// <summary>The account tables (issue 10), after policies and roles, which they point at.</summary>
internal static class AccountTables
{
    /// <summary>A role's account columns: null for a docs role, which is complete.</summary>
    public static Column<RoleRow>[] RoleColumns { get; } =
    [
        new(nameof(Role.AccountId), (r, w) => w.Text(r.Account?.AccountId)),
        new(nameof(Role.UniqueId), (r, w) => w.Text(r.Account?.UniqueId)),
        new(nameof(Role.CreatedAt), (r, w) => w.Time(CatalogTables.Microseconds(r.Account?.CreatedAt))),
        new(nameof(Role.Tags), (r, w) => w.Text(r.Account?.Tags)),
        new(nameof(Role.TrustPolicy), (r, w) => w.Text(r.Account?.TrustPolicy)),
        new(nameof(Role.PermissionsBoundaryId), (r, w) => w.Int(r.Account?.PermissionsBoundaryId)),
        new(nameof(Role.Incomplete), (r, w) => w.Bool(r.Account?.Incomplete ?? false)),
    ];

    public static IEnumerable<TableRows> Of(CatalogSnapshot s)
    {
        var a = s.Accounts;
        yield return CatalogTables.Table(typeof(Group), a.Groups,
            new(nameof(Group.Id), (g, w) => w.Int(g.Id)),
            new(nameof(Group.Name), (g, w) => w.Text(g.Name)),
            new(nameof(Group.NameKey), (g, w) => w.Text(ActionName.KeyOf(g.Name))),
            new(nameof(Group.Arn), (g, w) => w.Text(g.Arn)),
            new(nameof(Group.Path), (g, w) => w.Text(g.Path)),
            new(nameof(Group.AccountId), (g, w) => w.Text(g.AccountId)),
            new(nameof(Group.UniqueId), (g, w) => w.Text(g.UniqueId)),
            new(nameof(Group.CreatedAt), (g, w) => w.Time(CatalogTables.Microseconds(g.CreatedAt))),
            new(nameof(Group.Tags), (g, w) => w.Text(g.Tags)),
            new(nameof(Group.Incomplete), (g, w) => w.Bool(g.Incomplete)),
            new(nameof(Group.PolicyCount), (g, w) => w.Int(g.PolicyCount)),
            new(nameof(Group.UserCount), (g, w) => w.Int(g.MemberCount)),
            new(nameof(Group.EffectiveActionCount), (g, w) => w.Int(g.EffectiveActionCount)));
        yield return CatalogTables.Table(typeof(User), a.Users,
            new(nameof(User.Id), (u, w) => w.Int(u.Id)),
            new(nameof(User.Name), (u, w) => w.Text(u.Name)),
            new(nameof(User.NameKey), (u, w) => w.Text(ActionName.KeyOf(u.Name))),
            new(nameof(User.Arn), (u, w) => w.Text(u.Arn)),
            new(nameof(User.Path), (u, w) => w.Text(u.Path)),
            new(nameof(User.AccountId), (u, w) => w.Text(u.AccountId)),
            new(nameof(User.UniqueId), (u, w) => w.Text(u.UniqueId)),
            new(nameof(User.CreatedAt), (u, w) => w.Time(CatalogTables.Microseconds(u.CreatedAt))),
            new(nameof(User.Tags), (u, w) => w.Text(u.Tags)),
            new(nameof(User.PermissionsBoundaryId), (u, w) => w.Int(u.PermissionsBoundaryId)),
            new(nameof(User.Incomplete), (u, w) => w.Bool(u.Incomplete)),
            new(nameof(User.PolicyCount), (u, w) => w.Int(u.PolicyCount)),
            new(nameof(User.GroupCount), (u, w) => w.Int(u.MemberCount)),
            new(nameof(User.EffectiveActionCount), (u, w) => w.Int(u.EffectiveActionCount)));
        var accountOfUser = a.Users.ToDictionary(u => u.Id, u => u.AccountId);
        yield return CatalogTables.Table(typeof(UserGroup), a.UserGroups,
            new(nameof(UserGroup.UserId), (l, w) => w.Int(l.LeftId)),
            new(nameof(UserGroup.GroupId), (l, w) => w.Int(l.RightId)),
            new(nameof(UserGroup.AccountId), (l, w) => w.Text(accountOfUser[l.LeftId])));
        yield return CatalogTables.Table(typeof(PrincipalPolicy), a.PrincipalPolicies,
            new(nameof(PrincipalPolicy.Id), (p, w) => w.Int(p.Id)),
            new(nameof(PrincipalPolicy.PrincipalKind), (p, w) => w.Int((int)p.Kind)),
            new(nameof(PrincipalPolicy.PrincipalId), (p, w) => w.Int(p.PrincipalId)),
            new(nameof(PrincipalPolicy.PolicyId), (p, w) => w.Int(p.PolicyId)),
            new(nameof(PrincipalPolicy.Attachment), (p, w) => w.Int((int)p.Attachment)),
            new(nameof(PrincipalPolicy.GroupId), (p, w) => w.Int(p.GroupId)),
            new(nameof(PrincipalPolicy.AccountId), (p, w) => w.Text(p.AccountId)));
        yield return CatalogTables.Table(typeof(RoleTrust), a.RoleTrusts,
            new(nameof(RoleTrust.Id), (t, w) => w.Int(t.Id)),
            new(nameof(RoleTrust.RoleId), (t, w) => w.Int(t.RoleId)),
            new(nameof(RoleTrust.Type), (t, w) => w.Int((int)t.Type)),
            new(nameof(RoleTrust.Value), (t, w) => w.Text(t.Value)),
            new(nameof(RoleTrust.AccountId), (t, w) => w.Text(t.AccountId)));
        var accountOfPolicy = s.Policies.Where(p => p.AccountId is not null).ToDictionary(p => p.Id, p => p.AccountId);
        yield return CatalogTables.Table(typeof(PolicyDenial), a.PolicyDenials,
            new(nameof(PolicyDenial.PolicyId), (d, w) => w.Int(d.LeftId)),
            new(nameof(PolicyDenial.ActionId), (d, w) => w.Int(d.RightId)),
            new(nameof(PolicyDenial.AccountId), (d, w) => w.Text(accountOfPolicy.GetValueOrDefault(d.LeftId))));
    }
}
