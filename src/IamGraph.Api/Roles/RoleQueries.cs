using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Roles;

public static class RoleQueries
{
    public static void AddRoleQueries(this ObjectGraphType query)
    {
        query.ConnectionField<object?, RoleType, Role, RoleFilterInputType, RoleSortInputType>("roles")
            .Description("All roles, by name unless ordered otherwise.")
            .ResolveAsync(async ctx => await RootConnectionResolver.ResolveAsync(ctx, RoleFilterAndSort.Map));

        query.AddArnOrNameLookup<RoleType, Role>("role", "role", db => db.Roles);
    }
}
