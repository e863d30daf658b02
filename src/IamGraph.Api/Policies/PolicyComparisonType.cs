using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Analytics;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Policies;

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

        this.ConnectionField<PolicyComparison, ActionType, Action, ActionFilterInputType, ActionSortInputType>("common")
            .Description("Actions both policies grant.")
            .ResolveAsync(async ctx =>
            {
                var (a, b) = (ctx.Source.A.Id, ctx.Source.B.Id);
                return await RootConnectionResolver.ResolveAsync(ctx, ActionFields.Map, db => db.Actions.Where(x =>
                    db.EffectiveGrants.Any(g => g.PolicyId == a && g.ActionId == x.Id) && db.EffectiveGrants.Any(g => g.PolicyId == b && g.ActionId == x.Id)));
            });
        this.ConnectionField<PolicyComparison, ActionType, Action, ActionFilterInputType, ActionSortInputType>("onlyInA")
            .Description("Actions `a` grants and `b` does not.")
            .ResolveAsync(async ctx =>
            {
                var (a, b) = (ctx.Source.A.Id, ctx.Source.B.Id);
                return await RootConnectionResolver.ResolveAsync(ctx, ActionFields.Map, db => db.Actions.Where(x =>
                    db.EffectiveGrants.Any(g => g.PolicyId == a && g.ActionId == x.Id) && !db.EffectiveGrants.Any(g => g.PolicyId == b && g.ActionId == x.Id)));
            });
        this.ConnectionField<PolicyComparison, ActionType, Action, ActionFilterInputType, ActionSortInputType>("onlyInB")
            .Description("Actions `b` grants and `a` does not.")
            .ResolveAsync(async ctx =>
            {
                var (a, b) = (ctx.Source.A.Id, ctx.Source.B.Id);
                return await RootConnectionResolver.ResolveAsync(ctx, ActionFields.Map, db => db.Actions.Where(x =>
                    db.EffectiveGrants.Any(g => g.PolicyId == b && g.ActionId == x.Id) && !db.EffectiveGrants.Any(g => g.PolicyId == a && g.ActionId == x.Id)));
            });

        // onlyInA/onlyInB follow from the stored effectiveActionCount: one COUNT answers all three.
        Field<NonNullGraphType<IntGraphType>>("commonCount").ResolveAsync(async ctx => await CommonCountAsync(ctx));
        Field<NonNullGraphType<IntGraphType>>("onlyInACount").ResolveAsync(async ctx => ctx.Source.A.EffectiveActionCount - await CommonCountAsync(ctx));
        Field<NonNullGraphType<IntGraphType>>("onlyInBCount").ResolveAsync(async ctx => ctx.Source.B.EffectiveActionCount - await CommonCountAsync(ctx));
    }

    private static Task<int> CommonCountAsync(GraphQL.IResolveFieldContext<PolicyComparison> ctx) =>
        ctx.Source.CommonCountAsync(async () =>
        {
            var (a, b) = (ctx.Source.A.Id, ctx.Source.B.Id);
            await using var db = await GrantQueries.DbAsync(ctx);
            return await db.EffectiveGrants.CountAsync(g => g.PolicyId == a && db.EffectiveGrants.Any(h => h.PolicyId == b && h.ActionId == g.ActionId), ctx.CancellationToken);
        });
}
