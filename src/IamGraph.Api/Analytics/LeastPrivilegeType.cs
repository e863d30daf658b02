using GraphQL;
using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.Authorization;
using IamGraph.Api.Policies;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;

namespace IamGraph.Api.Analytics;

/// <summary>A policy that grants every requested (grantable) action, and how much more it grants.</summary>
public sealed record SinglePolicyCandidate(Policy Policy, int ExtraActionCount);

public sealed record LeastPrivilegeResult(int ActionCount, IReadOnlyList<SinglePolicyCandidate> SinglePolicies, IReadOnlyList<Policy> Cover, IReadOnlyList<string> Ungranted);

public sealed class SinglePolicyCandidateType : ObjectGraphType<SinglePolicyCandidate>
{
    public SinglePolicyCandidateType()
    {
        Name = "SinglePolicyCandidate";
        Description = "A policy granting every requested action that some policy grants.";
        Field<NonNullGraphType<PolicyType>>("policy").Resolve(ctx => ctx.Source.Policy);
        Field(c => c.ExtraActionCount).Description("Actions it grants beyond the request: effectiveActionCount - requested actions covered.");
    }
}

public sealed class LeastPrivilegeType : ObjectGraphType<LeastPrivilegeResult>
{
    public LeastPrivilegeType()
    {
        Name = "LeastPrivilege";
        Description = "The managed policies closest to granting exactly the requested actions.";
        Field(r => r.ActionCount).Description("How many canonical concrete actions the request stands for (patterns expanded, case folded).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SinglePolicyCandidateType>>>>("singlePolicies")
            .Description("Policies granting every requested action that some policy grants, fewest extra actions first (then by name).")
            .Resolve(ctx => ctx.Source.SinglePolicies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyType>>>>("cover")
            .Description("Policies that together grant every grantable requested action: the best single policy when there is one, otherwise a GREEDY set cover "
                + "(repeatedly the policy granting most still-uncovered actions; ties: fewer effective actions, then name). Greedy is within a factor ln(n) of the "
                + "smallest cover, not always the smallest.")
            .Resolve(ctx => ctx.Source.Cover);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("ungranted")
            .Description("Requested strings that match no catalogue action, then requested actions no policy grants (canonical names).")
            .Resolve(ctx => ctx.Source.Ungranted);
    }
}

public static class LeastPrivilegeQueries
{
    public static void AddLeastPrivilegeQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<LeastPrivilegeType>>("leastPrivilege")
            .Description("Which managed policies grant the requested actions with the fewest extras. Inputs ignore case; patterns stand for every catalogue action they match.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actions")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("exclude", "Policies (names or ARNs) not to consider, e.g. AdministratorAccess.")
            .Argument<IntGraphType>("first", "How many single-policy candidates to return.", a => a.DefaultValue = 10)
            .ResolveAsync(async ctx =>
            {
                var inputs = ctx.GetArgument<List<string>>("actions");
                if (inputs.Count == 0)
                {
                    throw CatalogLookups.InvalidArgument("'actions' must name at least one action.");
                }
                var first = ctx.GetArgument<int>("first");
                if (first < 0)
                {
                    throw CatalogLookups.InvalidArgument("'first' must not be negative.");
                }
                await using var db = await ctx.CreateDbContextAsync();
                var excluded = (await CatalogLookups.ByNameOrArnAsync(db.Policies, ctx.GetArgument<List<string>?>("exclude") ?? [], "policy", ErrorCodes.UnknownPolicy, ctx.CancellationToken)).Select(p => p.Id).ToArray();
                return await AnswerAsync(db, inputs, excluded, first, ctx.CancellationToken);
            });
    }

    private static async Task<LeastPrivilegeResult> AnswerAsync(CatalogDbContext db, IReadOnlyList<string> inputs, int[] excluded, int first, CancellationToken cancellationToken)
    {
        var requested = await CatalogLookups.ResolveActionsAsync(db, inputs, cancellationToken);
        var ids = requested.SelectMany(r => r.ActionIds).Distinct().ToArray();
        var grants = await db.EffectiveGrants
            .Where(g => ids.Contains(g.ActionId) && !excluded.Contains(g.PolicyId))
            .Select(g => new { g.PolicyId, g.ActionId })
            .ToListAsync(cancellationToken);

        var covering = grants.GroupBy(g => g.PolicyId).ToDictionary(g => g.Key, g => g.Select(x => x.ActionId).ToHashSet());
        var granted = grants.Select(g => g.ActionId).ToHashSet();
        var ungrantedIds = ids.Where(id => !granted.Contains(id)).ToArray();
        List<string> ungranted = [.. requested.Where(r => r.ActionIds.Count == 0).Select(r => r.Input)];
        if (ungrantedIds.Length > 0)
        {
            ungranted.AddRange(await db.Actions.Where(a => ungrantedIds.Contains(a.Id)).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken));
        }

        var candidateIds = covering.Keys.ToArray();
        var policies = await db.Policies.Where(p => candidateIds.Contains(p.Id)).Select(PolicyFilterAndSort.Map.Projection).WithAccountShares(db).ToDictionaryAsync(p => p.Id, cancellationToken);

        var singles = covering.Where(c => granted.Count > 0 && c.Value.Count == granted.Count)
            .Select(c => new SinglePolicyCandidate(policies[c.Key], policies[c.Key].EffectiveActionCount - granted.Count))
            .OrderBy(c => c.ExtraActionCount).ThenBy(c => c.Policy.Name, StringComparer.Ordinal).ThenBy(c => c.Policy.Id)
            .ToList();
        var cover = singles.Count > 0 ? [singles[0].Policy] : GreedyCover(granted, covering, policies);
        return new LeastPrivilegeResult(ids.Length, [.. singles.Take(first)], cover, ungranted);
    }

    /// <summary>Greedy set cover: take the policy covering most uncovered actions (ties: fewer effective actions, then name) until all are covered.</summary>
    private static List<Policy> GreedyCover(HashSet<int> universe, Dictionary<int, HashSet<int>> covering, Dictionary<int, Policy> policies)
    {
        var uncovered = new HashSet<int>(universe);
        var cover = new List<Policy>();
        while (uncovered.Count > 0)
        {
            var best = covering
                .Select(c => (Policy: policies[c.Key], Gain: c.Value.Count(uncovered.Contains)))
                .Where(c => c.Gain > 0)
                .OrderByDescending(c => c.Gain).ThenBy(c => c.Policy.EffectiveActionCount).ThenBy(c => c.Policy.Name, StringComparer.Ordinal).ThenBy(c => c.Policy.Id)
                .First();
            cover.Add(best.Policy);
            uncovered.ExceptWith(covering[best.Policy.Id]);
        }
        return cover;
    }
}
