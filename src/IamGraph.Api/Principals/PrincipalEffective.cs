using IamGraph.Api.Common.DataLoading;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Principals;

/// <summary>A principal holds a policy (any way): the rows every principal question starts from.</summary>
public sealed class HeldPolicy
{
    public int PrincipalId { get; init; }
    public int PolicyId { get; init; }
}

/// <summary>
/// Issue 10's semantics in SQL, from what is stored (principals link to policies, policies to their grants and denials):
/// a principal's effective actions are its policies' grants (a user's include its groups'), minus the actions any of its
/// policies' unconditional Deny statements remove, within its permissions boundary's grants when it has one. Nothing per
/// principal and action is stored; these queries answer it, batched per level like any relation.
/// </summary>
public static class PrincipalEffective
{
    /// <summary>The policies a principal of the kind holds: attached, inline, and (users) through groups; roles through role_policies, docs roles included.</summary>
    public static IQueryable<HeldPolicy> Held(CatalogDbContext db, PrincipalKind kind) => kind == PrincipalKind.Role
        ? db.RolePolicies.Select(l => new HeldPolicy { PrincipalId = l.RoleId, PolicyId = l.PolicyId })
        : db.PrincipalPolicies.Where(p => p.PrincipalKind == kind).Select(p => new HeldPolicy { PrincipalId = p.PrincipalId, PolicyId = p.PolicyId });

    /// <summary>
    /// (principal id, canonical action id) for every effective action of every principal of the kind; a pair may repeat (one
    /// per granting policy). <paramref name="unrestrictedOnly"/> keeps the grants some policy gives unrestricted (and the
    /// boundary too, if any).
    /// </summary>
    public static IQueryable<Link> Links(CatalogDbContext db, PrincipalKind kind, bool unrestrictedOnly = false) => kind switch
    {
        PrincipalKind.User => WithBoundary(db, Held(db, kind), db.Users, Grants(db, unrestrictedOnly)),
        PrincipalKind.Group => Without(db, Held(db, kind), Grants(db, unrestrictedOnly)),
        _ => WithBoundary(db, Held(db, kind), db.Roles, Grants(db, unrestrictedOnly)),
    };

    private static IQueryable<EffectiveGrant> Grants(CatalogDbContext db, bool unrestrictedOnly) =>
        unrestrictedOnly ? db.EffectiveGrants.Where(g => g.Unrestricted == true) : db.EffectiveGrants;

    private static IQueryable<Link> Without(CatalogDbContext db, IQueryable<HeldPolicy> held, IQueryable<EffectiveGrant> grants) =>
        from h in held
        join g in grants on h.PolicyId equals g.PolicyId
        where !held.Any(o => o.PrincipalId == h.PrincipalId && db.PolicyDenials.Any(d => d.PolicyId == o.PolicyId && d.ActionId == g.ActionId))
        select new Link { ParentId = h.PrincipalId, NodeId = g.ActionId };

    private static IQueryable<Link> WithBoundary<TPrincipal>(CatalogDbContext db, IQueryable<HeldPolicy> held, IQueryable<TPrincipal> principals, IQueryable<EffectiveGrant> grants)
        where TPrincipal : class, IPrincipal
    {
        var rows = from h in held
                   join g in grants on h.PolicyId equals g.PolicyId
                   join p in principals on h.PrincipalId equals p.Id
                   where !held.Any(o => o.PrincipalId == h.PrincipalId && db.PolicyDenials.Any(d => d.PolicyId == o.PolicyId && d.ActionId == g.ActionId))
                   select new { h.PrincipalId, g.ActionId, Boundary = p.PermissionsBoundaryId };
        return rows
            .Where(r => r.Boundary == null || grants.Any(b => b.PolicyId == r.Boundary && b.ActionId == r.ActionId))
            .Select(r => new Link { ParentId = r.PrincipalId, NodeId = r.ActionId });
    }
}
