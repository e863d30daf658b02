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
            .Description("One service prefix by its exact (case-sensitive) name.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .ResolveAsync(async ctx =>
            {
                var name = ctx.GetArgument<string>("name");
                await using var db = await ctx.RequestServicesOrThrow().GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(ctx.CancellationToken);
                return await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, ctx.CancellationToken);
            });
    }
}
