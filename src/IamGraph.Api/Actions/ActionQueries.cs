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
            .Description("One action string by its exact (case-sensitive) name; with `ignoreCase: true`, the canonical variant of the names equal ignoring case (IAM's reading).")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<BooleanGraphType>("ignoreCase", "Compare as IAM does, ignoring case, and return the canonical variant.", a => a.DefaultValue = false)
            .ResolveAsync(async ctx =>
            {
                var name = ctx.GetArgument<string>("name");
                await using var db = await ctx.RequestServicesOrThrow().GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(ctx.CancellationToken);
                if (ctx.GetArgument<bool>("ignoreCase"))
                {
                    // Every variant of a name key shares one canonical, which is itself one of them.
                    var key = ActionName.KeyOf(name);
                    return await db.Actions.AsNoTracking()
                        .FirstOrDefaultAsync(a => a.NameKey == key && (a.CanonicalId == null || a.CanonicalId == a.Id), ctx.CancellationToken);
                }
                return await db.Actions.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name, ctx.CancellationToken);
            });
    }
}
