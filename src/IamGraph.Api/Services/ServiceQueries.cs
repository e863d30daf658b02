using GraphQL;
using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Services;

public static class ServiceQueries
{
    public static void AddServiceQueries(this ObjectGraphType query)
    {
        query.ConnectionField<object?, ServiceType, Service, ServiceFilterInputType, ServiceSortInputType>("services")
            .Description("All service prefixes, by name unless ordered otherwise.")
            .ResolveAsync(async ctx => await RootConnectionResolver.ResolveAsync(ctx, ServiceFields.Map));

        query.Field<ServiceType>("service")
            .Description("One service prefix by its exact (case-sensitive) name; with `ignoreCase: true`, the canonical variant of the names equal ignoring case.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<BooleanGraphType>("ignoreCase", "Compare ignoring case and return the canonical variant.", a => a.DefaultValue = false)
            .ResolveAsync(async ctx =>
            {
                var name = ctx.GetArgument<string>("name");
                await using var db = await ctx.RequestServicesOrThrow().GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(ctx.CancellationToken);
                if (ctx.GetArgument<bool>("ignoreCase"))
                {
                    var key = ActionName.KeyOf(name);
                    return await db.Services.AsNoTracking()
                        .FirstOrDefaultAsync(s => s.NameKey == key && (s.CanonicalId == null || s.CanonicalId == s.Id), ctx.CancellationToken);
                }
                return await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, ctx.CancellationToken);
            });
    }
}
