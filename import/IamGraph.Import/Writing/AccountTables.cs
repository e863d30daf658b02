using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;

namespace IamGraph.Import.Writing;

/// <summary>The account tables (issue 10), after policies and roles, which they point at.</summary>
internal static class AccountTables
{
    public static string[] RoleColumns { get; } =
    [
        nameof(Role.AccountId), nameof(Role.UniqueId), nameof(Role.CreatedAt), nameof(Role.Tags), nameof(Role.TrustPolicy), nameof(Role.PermissionsBoundaryId), nameof(Role.Incomplete),
    ];

    public static object?[] RoleValues(RoleRow r) => r.Account is { } a
        ? [a.AccountId, a.UniqueId, CatalogTables.Microseconds(a.CreatedAt), a.Tags, a.TrustPolicy, a.PermissionsBoundaryId, a.Incomplete]
        : [null, null, null, null, null, null, false];

    public static IEnumerable<TableRows> Of(CatalogSnapshot s)
    {
        var a = s.Accounts;
        yield return new(typeof(Group),
            [nameof(Group.Id), nameof(Group.Name), nameof(Group.NameKey), nameof(Group.Arn), nameof(Group.Path), nameof(Group.AccountId), nameof(Group.UniqueId),
                nameof(Group.CreatedAt), nameof(Group.Tags), nameof(Group.Incomplete), nameof(Group.PolicyCount), nameof(Group.UserCount), nameof(Group.EffectiveActionCount)],
            a.Groups.Select(g => new object?[]
            {
                g.Id, g.Name, ActionName.KeyOf(g.Name), g.Arn, g.Path, g.AccountId, g.UniqueId, CatalogTables.Microseconds(g.CreatedAt), g.Tags, g.Incomplete,
                g.PolicyCount, g.MemberCount, g.EffectiveActionCount,
            }));
        yield return new(typeof(User),
            [nameof(User.Id), nameof(User.Name), nameof(User.NameKey), nameof(User.Arn), nameof(User.Path), nameof(User.AccountId), nameof(User.UniqueId),
                nameof(User.CreatedAt), nameof(User.Tags), nameof(User.PermissionsBoundaryId), nameof(User.Incomplete), nameof(User.PolicyCount), nameof(User.GroupCount),
                nameof(User.EffectiveActionCount)],
            a.Users.Select(u => new object?[]
            {
                u.Id, u.Name, ActionName.KeyOf(u.Name), u.Arn, u.Path, u.AccountId, u.UniqueId, CatalogTables.Microseconds(u.CreatedAt), u.Tags, u.PermissionsBoundaryId, u.Incomplete,
                u.PolicyCount, u.MemberCount, u.EffectiveActionCount,
            }));
        var accountOfUser = a.Users.ToDictionary(u => u.Id, u => u.AccountId);
        yield return new(typeof(UserGroup),
            [nameof(UserGroup.UserId), nameof(UserGroup.GroupId), nameof(UserGroup.AccountId)],
            a.UserGroups.Select(l => new object?[] { l.LeftId, l.RightId, accountOfUser[l.LeftId] }));
        yield return new(typeof(PrincipalPolicy),
            [nameof(PrincipalPolicy.Id), nameof(PrincipalPolicy.PrincipalKind), nameof(PrincipalPolicy.PrincipalId), nameof(PrincipalPolicy.PolicyId),
                nameof(PrincipalPolicy.Attachment), nameof(PrincipalPolicy.GroupId), nameof(PrincipalPolicy.AccountId)],
            a.PrincipalPolicies.Select(p => new object?[] { p.Id, (int)p.Kind, p.PrincipalId, p.PolicyId, (int)p.Attachment, p.GroupId, p.AccountId }));
        yield return new(typeof(RoleTrust),
            [nameof(RoleTrust.Id), nameof(RoleTrust.RoleId), nameof(RoleTrust.Type), nameof(RoleTrust.Value), nameof(RoleTrust.AccountId)],
            a.RoleTrusts.Select(t => new object?[] { t.Id, t.RoleId, (int)t.Type, t.Value, t.AccountId }));
        var accountOfPolicy = s.Policies.Where(p => p.AccountId is not null).ToDictionary(p => p.Id, p => p.AccountId);
        yield return new(typeof(PolicyDenial),
            [nameof(PolicyDenial.PolicyId), nameof(PolicyDenial.ActionId), nameof(PolicyDenial.AccountId)],
            a.PolicyDenials.Select(d => new object?[] { d.LeftId, d.RightId, accountOfPolicy.GetValueOrDefault(d.LeftId) }));
    }
}
