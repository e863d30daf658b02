using IamGraph.Api.Actions;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Policies;
using IamGraph.Api.Services;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Roles;

/// <summary><c>role.policies(...)</c> for all roles of a level.</summary>
public sealed class RolePoliciesDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Policy>(factory, options)
{
    protected override EntityFieldMap<Policy> Map => PolicyFields.Map;

    protected override IQueryable<ParentLink<Policy>> Links(CatalogDbContext db, IQueryable<Policy> nodes, int[] parentIds) =>
        from link in db.RolePolicies
        where parentIds.Contains(link.RoleId)
        join node in nodes on link.PolicyId equals node.Id
        select new ParentLink<Policy> { ParentId = link.RoleId, Node = node };
}

/// <summary><c>role.actions(...)</c> for all roles of a level.</summary>
public sealed class RoleActionsDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Action>(factory, options)
{
    protected override EntityFieldMap<Action> Map => ActionFields.Map;

    protected override IQueryable<ParentLink<Action>> Links(CatalogDbContext db, IQueryable<Action> nodes, int[] parentIds) =>
        from link in db.RoleActions
        where parentIds.Contains(link.RoleId)
        join node in nodes on link.ActionId equals node.Id
        select new ParentLink<Action> { ParentId = link.RoleId, Node = node };
}

/// <summary><c>role.services(...)</c> for all roles of a level.</summary>
public sealed class RoleServicesDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Service>(factory, options)
{
    protected override EntityFieldMap<Service> Map => ServiceFields.Map;

    protected override IQueryable<ParentLink<Service>> Links(CatalogDbContext db, IQueryable<Service> nodes, int[] parentIds) =>
        from link in db.RoleServices
        where parentIds.Contains(link.RoleId)
        join node in nodes on link.ServiceId equals node.Id
        select new ParentLink<Service> { ParentId = link.RoleId, Node = node };
}

public sealed class RoleByIdDataLoader(IDbContextFactory<CatalogDbContext> factory) : ByIdDataLoader<Role>(factory)
{
    protected override int IdOf(Role entity) => entity.Id;
}

/// <summary><c>role.effectiveActions(...)</c>: the union of the effective actions of each role's policies.</summary>
public sealed class RoleEffectiveActionsDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Action>(factory, options)
{
    protected override EntityFieldMap<Action> Map => ActionFields.Map;

    protected override IQueryable<ParentLink<Action>> Links(CatalogDbContext db, IQueryable<Action> nodes, int[] parentIds) =>
        from pair in (from link in db.RolePolicies
                      where parentIds.Contains(link.RoleId)
                      join grant in db.EffectiveGrants on link.PolicyId equals grant.PolicyId
                      select new { link.RoleId, grant.ActionId }).Distinct()
        join node in nodes on pair.ActionId equals node.Id
        select new ParentLink<Action> { ParentId = pair.RoleId, Node = node };
}
