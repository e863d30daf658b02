using GraphQL;
using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Policies;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Analytics;

public enum GrantMatch
{
    All,
    Any,
}

public sealed class GrantMatchGraphType : EnumerationGraphType<GrantMatch>
{
    public GrantMatchGraphType()
    {
        Name = "GrantMatch";
        Description = "Whether a policy must grant every requested action (ALL) or at least one (ANY).";
    }
}

/// <summary>The analyzer's questions over effective grants: who grants these actions, what do these grant in common, how do two policies differ.</summary>
public static class GrantQueries
{
    public static void AddGrantQueries(this ObjectGraphType query)
    {
        query.ConnectionField<object?, PolicyType, Policy, PolicyFilterInputType, PolicySortInputType>("policiesGranting")
            .Description("Policies that grant all (or any) of the given actions by IAM's rules. Inputs ignore case; a pattern (`s3:Get*`) stands for "
                + "every catalogue action it matches, so ALL asks for all of them. An input that matches no catalogue action makes ALL empty.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actions")
            .Argument<GrantMatchGraphType>("match", a => a.DefaultValue = GrantMatch.All)
            .ResolveAsync(async ctx =>
            {
                var inputs = ctx.GetArgument<List<string>>("actions");
                if (inputs.Count == 0)
                {
                    throw CatalogLookups.InvalidArgument("'actions' must name at least one action.");
                }
                var all = ctx.GetArgument<GrantMatch>("match") == GrantMatch.All;
                IReadOnlyList<RequestedAction> requested;
                await using (var db = await ctx.CreateDbContextAsync())
                {
                    requested = await CatalogLookups.ResolveActionsAsync(db, inputs, ctx.CancellationToken);
                }
                var ids = requested.SelectMany(r => r.ActionIds).Distinct().ToArray();
                var none = ids.Length == 0 || (all && requested.Any(r => r.ActionIds.Count == 0));
                var count = ids.Length;
                return await RootConnectionResolver.ResolveAsync(ctx, PolicyFilterAndSort.Map, db =>
                {
                    if (none)
                    {
                        return db.Policies.Where(p => false);
                    }
                    var grants = db.EffectiveGrants.Where(g => ids.Contains(g.ActionId));
                    var granting = all
                        ? grants.GroupBy(g => g.PolicyId).Where(g => g.Count() == count).Select(g => g.Key)
                        : grants.Select(g => g.PolicyId);
                    return db.Policies.Where(p => granting.Contains(p.Id));
                });
            });

        query.ConnectionField<object?, ActionType, Action, ActionFilterInputType, ActionSortInputType>("commonActions")
            .Description("The actions every given policy and every given role grants (intersection of effective actions; a role grants the union of its policies'). "
                + "Policies and roles by name or ARN.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("policies")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("roles")
            .ResolveAsync(async ctx =>
            {
                int[] policyIds, roleIds;
                await using (var db = await ctx.CreateDbContextAsync())
                {
                    policyIds = [.. (await CatalogLookups.ByNameOrArnAsync(db.Policies, ctx.GetArgument<List<string>?>("policies") ?? [], "policy", ErrorCodes.UnknownPolicy, ctx.CancellationToken)).Select(p => p.Id)];
                    roleIds = [.. (await CatalogLookups.ByNameOrArnAsync(db.Roles, ctx.GetArgument<List<string>?>("roles") ?? [], "role", ErrorCodes.UnknownRole, ctx.CancellationToken)).Select(r => r.Id)];
                }
                var members = policyIds.Length + roleIds.Length;
                if (members == 0)
                {
                    throw CatalogLookups.InvalidArgument("'commonActions' needs at least one policy or role.");
                }
                return await RootConnectionResolver.ResolveAsync(ctx, ActionFilterAndSort.Map, db =>
                {
                    // (member, action) pairs, roles keyed negative so they never collide with policy ids; an action every member grants is common.
                    var pairs = db.EffectiveGrants.Where(g => policyIds.Contains(g.PolicyId)).Select(g => new { Member = g.PolicyId, g.ActionId })
                        .Concat((from link in db.RolePolicies
                                 where roleIds.Contains(link.RoleId)
                                 join grant in db.EffectiveGrants on link.PolicyId equals grant.PolicyId
                                 select new { Member = -link.RoleId, grant.ActionId }).Distinct());
                    var common = pairs.GroupBy(p => p.ActionId).Where(g => g.Count() == members).Select(g => g.Key);
                    return db.Actions.Where(a => common.Contains(a.Id));
                });
            });

        query.Field<NonNullGraphType<PolicyComparisonType>>("comparePolicies")
            .Description("Two policies' effective actions side by side. Policies by name or ARN; an unknown one is an error (UNKNOWN_POLICY).")
            .Argument<NonNullGraphType<StringGraphType>>("a")
            .Argument<NonNullGraphType<StringGraphType>>("b")
            .ResolveAsync(async ctx =>
            {
                await using var db = await ctx.CreateDbContextAsync();
                var a = (await CatalogLookups.ByNameOrArnAsync(db.Policies, [ctx.GetArgument<string>("a")], "policy", ErrorCodes.UnknownPolicy, ctx.CancellationToken))[0];
                var b = (await CatalogLookups.ByNameOrArnAsync(db.Policies, [ctx.GetArgument<string>("b")], "policy", ErrorCodes.UnknownPolicy, ctx.CancellationToken))[0];
                return new PolicyComparison(a, b);
            });
    }
}
