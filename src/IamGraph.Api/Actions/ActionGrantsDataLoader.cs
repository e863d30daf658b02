using System.Text.Json;

using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Policies;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Actions;

/// <summary>A policy granting an action, with the policy's own action strings that matched it (stored as a JSON array).</summary>
public sealed record PolicyGrant(Policy Policy, string ViaJson)
{
    public IReadOnlyList<string> Via => JsonSerializer.Deserialize<string[]>(ViaJson) ?? [];
}

/// <summary><c>action.grantedBy(...)</c>: policies granting each canonical concrete action of a level, by IAM's rules (effective_grants).</summary>
public sealed class ActionGrantsDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Policy, PolicyGrant>(factory, options)
{
    protected override EntityFieldMap<Policy> Map => PolicyFields.Map;

    protected override bool HasDetail => true;

    protected override PolicyGrant Item(ParentLink<Policy> link) => new(link.Node, link.Detail ?? "[]");

    protected override IQueryable<ParentLink<Policy>> Links(CatalogDbContext db, IQueryable<Policy> nodes, int[] parentIds) =>
        from grant in db.EffectiveGrants
        where parentIds.Contains(grant.ActionId)
        join node in nodes on grant.PolicyId equals node.Id
        select new ParentLink<Policy> { ParentId = grant.ActionId, Node = node, Detail = grant.Via };
}

/// <summary><c>action.matches(...)</c>: the canonical concrete actions each action string of a level covers (action_matches).</summary>
public sealed class ActionMatchesDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Action>(factory, options)
{
    protected override EntityFieldMap<Action> Map => ActionFields.Map;

    protected override IQueryable<ParentLink<Action>> Links(CatalogDbContext db, IQueryable<Action> nodes, int[] parentIds) =>
        from match in db.ActionMatches
        where parentIds.Contains(match.PatternId)
        join node in nodes on match.ActionId equals node.Id
        select new ParentLink<Action> { ParentId = match.PatternId, Node = node };
}

/// <summary><c>action.matchedBy(...)</c>: the action strings (patterns and literals) covering each canonical concrete action of a level.</summary>
public sealed class ActionMatchedByDataLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<Action>(factory, options)
{
    protected override EntityFieldMap<Action> Map => ActionFields.Map;

    protected override IQueryable<ParentLink<Action>> Links(CatalogDbContext db, IQueryable<Action> nodes, int[] parentIds) =>
        from match in db.ActionMatches
        where parentIds.Contains(match.ActionId)
        join node in nodes on match.PatternId equals node.Id
        select new ParentLink<Action> { ParentId = match.ActionId, Node = node };
}
