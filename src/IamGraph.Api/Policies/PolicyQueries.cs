using GraphQL;
using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Policies;

public static class PolicyQueries
{
    public static void AddPolicyQueries(this ObjectGraphType query)
    {
        query.ConnectionField<object?, PolicyType, Policy, PolicyFilterInputType, PolicySortInputType>("policies")
            .Description("All managed policies, by name unless ordered otherwise.")
            .ResolveAsync(async ctx => await RootConnectionResolver.ResolveAsync(ctx, PolicyFields.Map));

        query.Field<PolicyType>("policy")
            .Description("One policy by ARN, or by exact name (the first by id if several share it); `ignoreCase: true` compares the name ignoring case.")
            .Argument<StringGraphType>("arn")
            .Argument<StringGraphType>("name")
            .Argument<BooleanGraphType>("ignoreCase", "Compare the name ignoring case (the ARN stays exact).", a => a.DefaultValue = false)
            .ResolveAsync(async ctx =>
            {
                var arn = ctx.GetArgument<string?>("arn");
                var name = ctx.GetArgument<string?>("name");
                var ignoreCase = ctx.GetArgument<bool>("ignoreCase");
                if (arn is null && name is null)
                {
                    return null;
                }
                await using var db = await ctx.RequestServicesOrThrow().GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(ctx.CancellationToken);
                var policies = db.Policies.AsNoTracking();
                if (arn is not null)
                {
                    policies = policies.Where(p => p.Arn == arn);
                }
                if (name is not null)
                {
                    var nameKey = name.ToLowerInvariant();
                    policies = ignoreCase ? policies.Where(p => p.NameKey == nameKey) : policies.Where(p => p.Name == name);
                }
                return await policies.OrderBy(p => p.Id).FirstOrDefaultAsync(ctx.CancellationToken);
            });
    }
}
