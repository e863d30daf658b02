using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Actions;

/// <summary><c>action.policies(...)</c> for all actions of a level.</summary>
public sealed class ActionPoliciesDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Policy>(factory, options)
{
    protected override EntityFieldMap<Policy> Map => PolicyFields.Map;

    protected override IQueryable<ParentLink<Policy>> Links(CatalogDbContext db, IQueryable<Policy> nodes, int[] parentIds) =>
        from link in db.PolicyActions
        where parentIds.Contains(link.ActionId)
        join node in nodes on link.PolicyId equals node.Id
        select new ParentLink<Policy> { ParentId = link.ActionId, Node = node };
}

/// <summary><c>action.roles(...)</c> for all actions of a level.</summary>
public sealed class ActionRolesDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Role>(factory, options)
{
    protected override EntityFieldMap<Role> Map => RoleFields.Map;

    protected override IQueryable<ParentLink<Role>> Links(CatalogDbContext db, IQueryable<Role> nodes, int[] parentIds) =>
        from link in db.RoleActions
        where parentIds.Contains(link.ActionId)
        join node in nodes on link.RoleId equals node.Id
        select new ParentLink<Role> { ParentId = link.ActionId, Node = node };
}

public sealed class ActionByIdDataLoader(IDbContextFactory<CatalogDbContext> factory) : ByIdDataLoader<Action>(factory)
{
    protected override int IdOf(Action entity) => entity.Id;
}

/// <summary><c>action.variants</c>: every case variant of each canonical action of a level (the canonical included).</summary>
public sealed class ActionVariantsDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Action>(factory, options)
{
    protected override EntityFieldMap<Action> Map => ActionFields.Map;

    protected override IQueryable<ParentLink<Action>> Links(CatalogDbContext db, IQueryable<Action> nodes, int[] parentIds) =>
        from node in nodes
        where parentIds.Contains(node.CanonicalId)
        select new ParentLink<Action> { ParentId = node.CanonicalId, Node = node };
}
