using GraphQL;
using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Common;
using IamGraph.Api.Common.Authorization;
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
    private const string UnrestrictedArgument = "unrestricted";

    /// <summary>What an edge says when its details were not read (no <c>edges</c> selected).</summary>
    private static readonly GrantDetail NoDetail = new("[]", null, GrantLimits.None);

    public static void AddGrantQueries(this ObjectGraphType query)
    {
        query.CustomConnectionField<object?, PolicyGrantConnectionGraphType, PolicyFilterInputType, PolicySortInputType>("policiesGranting")
            .Description("Policies that grant all (or any) of the given actions by IAM's rules, each edge with how (over the requested actions it grants: every "
                + "string that matched, unrestricted when each grant is). Inputs ignore case; a pattern (`s3:Get*`) stands for every catalogue action it "
                + "matches, so ALL asks for all of them. An input that matches no catalogue action makes ALL empty.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actions")
            .Argument<GrantMatchGraphType>("match", a => a.DefaultValue = GrantMatch.All)
            .Argument<BooleanGraphType>(UnrestrictedArgument, "true: only unrestricted grants count; false: only grants limited by resource, condition or NotResource.")
            .ResolveAsync(async ctx =>
            {
                var inputs = ctx.GetArgument<List<string>>("actions");
                if (inputs.Count == 0)
                {
                    throw CatalogLookups.InvalidArgument("'actions' must name at least one action.");
                }
                var all = ctx.GetArgument<GrantMatch>("match") == GrantMatch.All;
                var unrestricted = ctx.GetArgument<bool?>(UnrestrictedArgument);
                IReadOnlyList<RequestedAction> requested;
                await using (var db = await ctx.CreateDbContextAsync())
                {
                    requested = await CatalogLookups.ResolveActionsAsync(db, inputs, ctx.CancellationToken);
                }
                var ids = requested.SelectMany(r => r.ActionIds).Distinct().ToArray();
                var none = ids.Length == 0 || (all && requested.Any(r => r.ActionIds.Count == 0));
                var count = ids.Length;
                IQueryable<EffectiveGrant> Grants(CatalogDbContext db)
                {
                    var grants = db.EffectiveGrants.Where(g => ids.Contains(g.ActionId));
                    return unrestricted is bool wanted ? grants.Where(g => g.Unrestricted == wanted) : grants;
                }
                var page = await RootConnectionResolver.ResolveAsync(ctx, PolicyFilterAndSort.Map, db =>
                {
                    if (none)
                    {
                        return db.Policies.Where(p => false);
                    }
                    var grants = Grants(db);
                    var granting = all
                        ? grants.GroupBy(g => g.PolicyId).Where(g => g.Count() == count).Select(g => g.Key)
                        : grants.Select(g => g.PolicyId);
                    return db.Policies.Where(p => granting.Contains(p.Id));
                });

                // How each policy of the page grants: read only when edges are selected (one statement for the page).
                var details = new Dictionary<int, GrantDetail>();
                var pageIds = page.Nodes.Select(p => p.Id).ToArray();
                if (pageIds.Length > 0 && ctx.SubFields?.Values.Any(f => f.Field.Name.StringValue == "edges") == true)
                {
                    await using var db = await ctx.CreateDbContextAsync();
                    var rows = await Grants(db).Where(g => pageIds.Contains(g.PolicyId))
                        .Select(g => new { g.PolicyId, g.Via, g.Unrestricted, g.Limits })
                        .ToListAsync(ctx.CancellationToken);
                    details = rows.GroupBy(r => r.PolicyId)
                        .ToDictionary(g => g.Key, g => GrantDetail.Combine([.. g.Select(r => new GrantDetail(r.Via, r.Unrestricted, r.Limits))]));
                }
                return page.Map(policy => new PolicyGrant(policy, details.GetValueOrDefault(policy.Id) ?? NoDetail));
            });

        query.ConnectionField<object?, ActionType, Action, ActionFilterInputType, ActionSortInputType>("commonActions")
            .Description("The actions every given policy and every given role grants (intersection of effective actions; a docs role grants the union of its policies', "
                + "an account's role its `effectiveActions`: minus its policies' unconditional Denies, within its permissions boundary). "
                + "Policies and roles by name or ARN.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("policies")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("roles")
            .ResolveAsync(async ctx =>
            {
                int[] policyIds, roleIds, accountRoleIds;
                await using (var db = await ctx.CreateDbContextAsync())
                {
                    policyIds = [.. (await CatalogLookups.ByNameOrArnAsync(db.Policies, ctx.GetArgument<List<string>?>("policies") ?? [], "policy", ErrorCodes.UnknownPolicy, ctx.CancellationToken)).Select(p => p.Id)];
                    var roles = await CatalogLookups.ByNameOrArnAsync(db.Roles, ctx.GetArgument<List<string>?>("roles") ?? [], "role", ErrorCodes.UnknownRole, ctx.CancellationToken);
                    roleIds = [.. roles.Where(r => r.AccountId is null).Select(r => r.Id)];
                    accountRoleIds = [.. roles.Where(r => r.AccountId is not null).Select(r => r.Id)];
                }
                var members = policyIds.Length + roleIds.Length + accountRoleIds.Length;
                if (members == 0)
                {
                    throw CatalogLookups.InvalidArgument("'commonActions' needs at least one policy or role.");
                }
                return await RootConnectionResolver.ResolveAsync(ctx, ActionFilterAndSort.Map, db =>
                {
                    // (member, action) pairs, roles keyed negative so they never collide with policy ids; an action every member grants is common.
                    // A docs role grants the union of its policies'; an account role what it may do as a principal (issue 10: minus
                    // unconditional Denies, within its boundary), as its effectiveActions says.
                    var pairs = db.EffectiveGrants.Where(g => policyIds.Contains(g.PolicyId)).Select(g => new { Member = g.PolicyId, g.ActionId })
                        .Concat((from link in db.RolePolicies
                                 where roleIds.Contains(link.RoleId)
                                 join grant in db.EffectiveGrants on link.PolicyId equals grant.PolicyId
                                 select new { Member = -link.RoleId, grant.ActionId }).Distinct())
                        .Concat(Principals.PrincipalEffective.Links(db, PrincipalKind.Role).Where(l => accountRoleIds.Contains(l.ParentId))
                            .Select(l => new { Member = -l.ParentId, ActionId = l.NodeId }).Distinct());
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
                // Whole policies handed on to `a` and `b`: their counts carry the visible accounts' share.
                var policies = db.Policies.WholeRowsWithAccountShares(db);
                var a = (await CatalogLookups.ByNameOrArnAsync(policies, [ctx.GetArgument<string>("a")], "policy", ErrorCodes.UnknownPolicy, ctx.CancellationToken))[0];
                var b = (await CatalogLookups.ByNameOrArnAsync(policies, [ctx.GetArgument<string>("b")], "policy", ErrorCodes.UnknownPolicy, ctx.CancellationToken))[0];
                return new PolicyComparison(a, b);
            });
    }
}
