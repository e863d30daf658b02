using IamGraph.Api.Actions;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Policies;

/// <summary><c>policy.actions(...)</c> for all policies of a level.</summary>
public sealed class PolicyActionsDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Action>(factory, options)
{
    protected override EntityFieldMap<Action> Map => ActionFields.Map;

    protected override IQueryable<ParentLink<Action>> Links(CatalogDbContext db, IQueryable<Action> nodes, int[] parentIds) =>
        from link in db.PolicyActions
        where parentIds.Contains(link.PolicyId)
        join node in nodes on link.ActionId equals node.Id
        select new ParentLink<Action> { ParentId = link.PolicyId, Node = node };
}

/// <summary><c>policy.services(...)</c> for all policies of a level.</summary>
public sealed class PolicyServicesDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Service>(factory, options)
{
    protected override EntityFieldMap<Service> Map => ServiceFields.Map;

    protected override IQueryable<ParentLink<Service>> Links(CatalogDbContext db, IQueryable<Service> nodes, int[] parentIds) =>
        from link in db.PolicyServices
        where parentIds.Contains(link.PolicyId)
        join node in nodes on link.ServiceId equals node.Id
        select new ParentLink<Service> { ParentId = link.PolicyId, Node = node };
}

/// <summary><c>policy.roles(...)</c> for all policies of a level.</summary>
public sealed class PolicyRolesDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Role>(factory, options)
{
    protected override EntityFieldMap<Role> Map => RoleFields.Map;

    protected override IQueryable<ParentLink<Role>> Links(CatalogDbContext db, IQueryable<Role> nodes, int[] parentIds) =>
        from link in db.RolePolicies
        where parentIds.Contains(link.PolicyId)
        join node in nodes on link.RoleId equals node.Id
        select new ParentLink<Role> { ParentId = link.PolicyId, Node = node };
}

public sealed class PolicyByIdDataLoader(IDbContextFactory<CatalogDbContext> factory) : ByIdDataLoader<Policy>(factory)
{
    protected override int IdOf(Policy entity) => entity.Id;
}

/// <summary><c>policy.effectiveActions(...)</c>: canonical concrete actions each policy of a level grants by IAM's rules.</summary>
public sealed class PolicyEffectiveActionsDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Action>(factory, options)
{
    protected override EntityFieldMap<Action> Map => ActionFields.Map;

    protected override IQueryable<ParentLink<Action>> Links(CatalogDbContext db, IQueryable<Action> nodes, int[] parentIds) =>
        from grant in db.EffectiveGrants
        where parentIds.Contains(grant.PolicyId)
        join node in nodes on grant.ActionId equals node.Id
        select new ParentLink<Action> { ParentId = grant.PolicyId, Node = node };
}
