using GraphQL;
using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Actions;

public static class ActionQueries
{
    public static void AddActionQueries(this ObjectGraphType query)
    {
        query.ConnectionField<object?, ActionType, Action, ActionFilterInputType, ActionSortInputType>("actions")
            .Description("All action strings, by name unless ordered otherwise.")
            .ResolveAsync(async ctx => await RootConnectionResolver.ResolveAsync(ctx, ActionFields.Map));

        query.Field<ActionType>("action")
            .Description("One action string by its exact (case-sensitive) name.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .ResolveAsync(async ctx =>
            {
                var name = ctx.GetArgument<string>("name");
                await using var db = await ctx.RequestServicesOrThrow().GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(ctx.CancellationToken);
                return await db.Actions.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name, ctx.CancellationToken);
            });
    }
}
