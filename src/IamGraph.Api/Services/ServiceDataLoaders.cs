using IamGraph.Api.Actions;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Services;

/// <summary><c>service.actions(...)</c> for all services of a level (a plain foreign key, no join table).</summary>
public sealed class ServiceActionsDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Action>(factory, options)
{
    protected override EntityFieldMap<Action> Map => ActionFields.Map;

    protected override IQueryable<ParentLink<Action>> Links(CatalogDbContext db, IQueryable<Action> nodes, int[] parentIds) =>
        from node in nodes
        where parentIds.Contains(node.ServiceId)
        select new ParentLink<Action> { ParentId = node.ServiceId, Node = node };
}

/// <summary><c>service.policies(...)</c> for all services of a level.</summary>
public sealed class ServicePoliciesDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Policy>(factory, options)
{
    protected override EntityFieldMap<Policy> Map => PolicyFields.Map;

    protected override IQueryable<ParentLink<Policy>> Links(CatalogDbContext db, IQueryable<Policy> nodes, int[] parentIds) =>
        from link in db.PolicyServices
        where parentIds.Contains(link.ServiceId)
        join node in nodes on link.PolicyId equals node.Id
        select new ParentLink<Policy> { ParentId = link.ServiceId, Node = node };
}

/// <summary><c>service.roles(...)</c> for all services of a level.</summary>
public sealed class ServiceRolesDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Role>(factory, options)
{
    protected override EntityFieldMap<Role> Map => RoleFields.Map;

    protected override IQueryable<ParentLink<Role>> Links(CatalogDbContext db, IQueryable<Role> nodes, int[] parentIds) =>
        from link in db.RoleServices
        where parentIds.Contains(link.ServiceId)
        join node in nodes on link.RoleId equals node.Id
        select new ParentLink<Role> { ParentId = link.ServiceId, Node = node };
}

/// <summary><c>action.service</c>: the services of all actions of a level in one statement.</summary>
public sealed class ServiceByIdDataLoader(IDbContextFactory<CatalogDbContext> factory) : ByIdDataLoader<Service>(factory)
{
    protected override int IdOf(Service entity) => entity.Id;
}

/// <summary><c>service.variants</c>: every case variant of each canonical service of a level (the canonical included).</summary>
public sealed class ServiceVariantsDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Service>(factory, options)
{
    protected override EntityFieldMap<Service> Map => ServiceFields.Map;

    protected override IQueryable<ParentLink<Service>> Links(CatalogDbContext db, IQueryable<Service> nodes, int[] parentIds) =>
        from node in nodes
        where parentIds.Contains(node.CanonicalId)
        select new ParentLink<Service> { ParentId = node.CanonicalId, Node = node };
}
