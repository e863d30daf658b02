using GraphQL;
using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Roles;

public static class RoleQueries
{
    public static void AddRoleQueries(this ObjectGraphType query)
    {
        query.ConnectionField<object?, RoleType, Role, RoleFilterInputType, RoleSortInputType>("roles")
            .Description("All roles, by name unless ordered otherwise.")
            .ResolveAsync(async ctx => await RootConnectionResolver.ResolveAsync(ctx, RoleFields.Map));

        query.Field<RoleType>("role")
            .Description("One role by ARN, or by exact name (the first by id if several share it); `ignoreCase: true` compares the name ignoring case.")
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
                var roles = db.Roles.AsNoTracking();
                if (arn is not null)
                {
                    roles = roles.Where(r => r.Arn == arn);
                }
                if (name is not null)
                {
                    var nameKey = name.ToLowerInvariant();
                    roles = ignoreCase ? roles.Where(r => r.NameKey == nameKey) : roles.Where(r => r.Name == name);
                }
                return await roles.OrderBy(r => r.Id).FirstOrDefaultAsync(ctx.CancellationToken);
            });
    }
}
