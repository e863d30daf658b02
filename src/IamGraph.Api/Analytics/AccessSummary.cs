using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Policies;
using IamGraph.Api.Services;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Analytics;

/// <summary>How many of a policy's effective actions are at one access level, and how many of those it grants unrestricted.</summary>
public sealed record AccessLevelCount(AccessLevels Level, int ActionCount, int UnrestrictedCount);

/// <summary>A policy's effective actions of one service, counted by access level.</summary>
public sealed record ServiceAccess(int ServiceId, string ServiceName, int ActionCount, int UnrestrictedCount, IReadOnlyList<AccessLevelCount> Levels);

public sealed class AccessLevelCountType : ObjectGraphType<AccessLevelCount>
{
    public AccessLevelCountType()
    {
        Name = "AccessLevelCount";
        Description = "A policy's effective actions of one service at one access level.";
        Field<NonNullGraphType<AccessLevelGraphType>>("level").Resolve(ctx => ctx.Source.Level);
        Field(c => c.ActionCount).Description("Effective actions at this level (an action at two levels, `TAGGING` and `WRITE`, counts at both).");
        Field(c => c.UnrestrictedCount).Description("Of those, the ones the policy grants unrestricted (0 for a policy known only from the docs).");
    }
}

public sealed class ServiceAccessType : ObjectGraphType<ServiceAccess>
{
    public ServiceAccessType()
    {
        Name = "ServiceAccess";
        Description = "A policy's effective actions of one service, counted by access level.";
        Field<NonNullGraphType<ServiceType>>("service").Resolve(ctx => ctx.LoadById<Service>(ctx.Source.ServiceId));
        Field(c => c.ActionCount).Description("Effective actions of the service, whatever their level (actions the catalogue does not list have none).");
        Field(c => c.UnrestrictedCount).Description("Of those, the ones granted unrestricted.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessLevelCountType>>>>("levels")
            .Description("Each access level with at least one effective action, in the order LIST, READ, WRITE, TAGGING, PERMISSIONS_MANAGEMENT.")
            .Resolve(ctx => ctx.Source.Levels);
    }
}

/// <summary><c>policy.accessSummary</c> for every policy of a level in one statement (grants grouped by policy, service and access level). Request-scoped.</summary>
public sealed class AccessSummaryLoader(IDbContextFactory<CatalogDbContext> factory) : BatchLoader<int, IReadOnlyList<ServiceAccess>>
{
    public const string ServiceArgument = "service";

    public static IDataLoaderResult<IReadOnlyList<ServiceAccess>?> Load(IResolveFieldContext<Policy> context)
    {
        var loader = context.RequestServicesOrThrow().GetRequiredService<AccessSummaryLoader>();
        var service = context.GetArgument<string?>(ServiceArgument);
        return loader.Load((context.FieldAst, service), context.Source.Id, (ids, ct) => loader.FetchAsync(ids, service, ct));
    }

    private async Task<IReadOnlyDictionary<int, IReadOnlyList<ServiceAccess>>> FetchAsync(IReadOnlyCollection<int> policyIds, string? service, CancellationToken cancellationToken)
    {
        var ids = policyIds.ToArray();
        if (service is not null && !StorableText.IsStorable(service))
        {
            // A name no stored service can hold matches none, and stays out of SQL.
            return ids.ToDictionary(id => id, _ => (IReadOnlyList<ServiceAccess>)[]);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var grants = from grant in db.EffectiveGrants
                     where ids.Contains(grant.PolicyId)
                     join action in db.Actions on grant.ActionId equals action.Id
                     select new { grant.PolicyId, grant.Unrestricted, action.AccessLevel, action.ServiceId, ServiceName = action.Service.Name, ServiceKey = action.Service.NameKey };
        if (service is not null)
        {
            var key = service.ToLowerInvariant();
            grants = grants.Where(g => g.ServiceKey == key);
        }
        var rows = await grants
            .GroupBy(g => new { g.PolicyId, g.ServiceId, g.ServiceName, g.AccessLevel })
            .Select(g => new { g.Key.PolicyId, g.Key.ServiceId, g.Key.ServiceName, g.Key.AccessLevel, Count = g.Count(), Unrestricted = g.Sum(x => x.Unrestricted == true ? 1 : 0) })
            .ToListAsync(cancellationToken);

        var byPolicy = rows.ToLookup(r => r.PolicyId);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<ServiceAccess>)[.. byPolicy[id]
            .GroupBy(r => (r.ServiceId, r.ServiceName))
            .Select(s => new ServiceAccess(s.Key.ServiceId, s.Key.ServiceName, s.Sum(r => r.Count), s.Sum(r => r.Unrestricted),
                [.. Enum.GetValues<AccessLevels>().Where(l => l != AccessLevels.None)
                    .Select(l => new AccessLevelCount(l, s.Where(r => r.AccessLevel.HasFlag(l)).Sum(r => r.Count), s.Where(r => r.AccessLevel.HasFlag(l)).Sum(r => r.Unrestricted)))
                    .Where(c => c.ActionCount > 0)]))
            .OrderBy(s => s.ServiceName, StringComparer.Ordinal)]);
    }
}

public static class AccessQueries
{
    public static void AddAccessSummaryField(this ObjectGraphType<Policy> policy) =>
        policy.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceAccessType>>>>("accessSummary")
            .Description("Per service (by name), how many actions the policy grants at each access level and how many of them unrestricted.")
            .Argument<StringGraphType>(AccessSummaryLoader.ServiceArgument, "Only this service (its name ignoring case, as IAM reads prefixes).")
            .Resolve(ctx => AccessSummaryLoader.Load(ctx).Map(s => s ?? []));

    public static void AddAccessQueries(this ObjectGraphType query) =>
        query.ConnectionField<object?, PolicyType, Policy, PolicyFilterInputType, PolicySortInputType>("policiesGrantingAccess")
            .Description("Policies granting at least one action at the access level (of the service, when given, ignoring case); with `unrestricted: true` "
                + "only unrestricted grants count, e.g. which policies grant PERMISSIONS_MANAGEMENT on iam unrestricted.")
            .Argument<NonNullGraphType<AccessLevelGraphType>>("level")
            .Argument<StringGraphType>(AccessSummaryLoader.ServiceArgument, "A service prefix (`iam`), compared ignoring case.")
            .Argument<BooleanGraphType>("unrestricted", "true: only unrestricted grants count; false: only limited ones.")
            .ResolveAsync(async ctx =>
            {
                var level = ctx.GetArgument<AccessLevels>("level");
                var service = ctx.GetArgument<string?>(AccessSummaryLoader.ServiceArgument);
                var key = service?.ToLowerInvariant();
                var storable = service is null || StorableText.IsStorable(service);
                var unrestricted = ctx.GetArgument<bool?>("unrestricted");
                return await RootConnectionResolver.ResolveAsync(ctx, PolicyFilterAndSort.Map, db =>
                {
                    if (!storable)
                    {
                        return db.Policies.Where(p => false); // a name no stored service can hold: none, and out of SQL
                    }
                    var actions = db.Actions.Where(a => (a.AccessLevel & level) != 0);
                    if (key is not null)
                    {
                        actions = actions.Where(a => a.Service.NameKey == key);
                    }
                    // IN (subquery) rather than correlated EXISTS: the actions of the level first, then their grants by the action index
                    // (a few ms over the 225,018 shared grants, against about a second policy by policy).
                    var actionIds = actions.Select(a => a.Id);
                    var grants = db.EffectiveGrants.Where(g => actionIds.Contains(g.ActionId));
                    if (unrestricted is bool wanted)
                    {
                        grants = grants.Where(g => g.Unrestricted == wanted);
                    }
                    var granting = grants.Select(g => g.PolicyId);
                    return db.Policies.Where(p => granting.Contains(p.Id));
                });
            });
}
