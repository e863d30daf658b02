using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Policies;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Analytics;

/// <summary>Two policies to compare; the count of common actions is computed once and shared by the three count fields.</summary>
public sealed class PolicyComparison(Policy a, Policy b)
{
    private Task<int>? _commonCount;

    public Policy A { get; } = a;
    public Policy B { get; } = b;

    public Task<int> CommonCountAsync(Func<Task<int>> count) => _commonCount ??= count();
}

public sealed class PolicyComparisonType : ObjectGraphType<PolicyComparison>
{
    public PolicyComparisonType()
    {
        Name = "PolicyComparison";
        Description = "Two policies' effective actions (canonical concrete actions granted by IAM's rules) side by side.";

        Field<NonNullGraphType<PolicyType>>("a").Resolve(ctx => ctx.Source.A);
        Field<NonNullGraphType<PolicyType>>("b").Resolve(ctx => ctx.Source.B);

        GrantedActions("common", "Actions both policies grant.", c => (c.A.Id, c.B.Id), secondGrants: true);
        GrantedActions("onlyInA", "Actions `a` grants and `b` does not.", c => (c.A.Id, c.B.Id), secondGrants: false);
        GrantedActions("onlyInB", "Actions `b` grants and `a` does not.", c => (c.B.Id, c.A.Id), secondGrants: false);

        // onlyInA/onlyInB follow from the stored effectiveActionCount: one COUNT answers all three.
        Field<NonNullGraphType<IntGraphType>>("commonCount").ResolveAsync(async ctx => await CommonCountAsync(ctx));
        Field<NonNullGraphType<IntGraphType>>("onlyInACount").ResolveAsync(async ctx => ctx.Source.A.EffectiveActionCount - await CommonCountAsync(ctx));
        Field<NonNullGraphType<IntGraphType>>("onlyInBCount").ResolveAsync(async ctx => ctx.Source.B.EffectiveActionCount - await CommonCountAsync(ctx));
    }

    /// <summary>The actions the first policy of <paramref name="pair"/> grants that the second also grants (or, not).</summary>
    private void GrantedActions(string name, string description, Func<PolicyComparison, (int First, int Second)> pair, bool secondGrants) =>
        this.ConnectionField<PolicyComparison, ActionType, Action, ActionFilterInputType, ActionSortInputType>(name)
            .Description(description)
            .ResolveAsync(async ctx =>
            {
                var (first, second) = pair(ctx.Source);
                return await RootConnectionResolver.ResolveAsync(ctx, ActionFilterAndSort.Map, db =>
                {
                    var grantedByFirst = db.Actions.Where(x => db.EffectiveGrants.Any(g => g.PolicyId == first && g.ActionId == x.Id));
                    return secondGrants
                        ? grantedByFirst.Where(x => db.EffectiveGrants.Any(g => g.PolicyId == second && g.ActionId == x.Id))
                        : grantedByFirst.Where(x => !db.EffectiveGrants.Any(g => g.PolicyId == second && g.ActionId == x.Id));
                });
            });

    private static Task<int> CommonCountAsync(GraphQL.IResolveFieldContext<PolicyComparison> ctx) =>
        ctx.Source.CommonCountAsync(async () =>
        {
            var (a, b) = (ctx.Source.A.Id, ctx.Source.B.Id);
            await using var db = await ctx.CreateDbContextAsync();
            return await db.EffectiveGrants.CountAsync(g => g.PolicyId == a && db.EffectiveGrants.Any(h => h.PolicyId == b && h.ActionId == g.ActionId), ctx.CancellationToken);
        });
}
