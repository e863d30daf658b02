using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Policies;

public static class PolicyQueries
{
    public static void AddPolicyQueries(this ObjectGraphType query)
    {
        query.ConnectionField<object?, PolicyType, Policy, PolicyFilterInputType, PolicySortInputType>("policies")
            .Description("All managed policies, by name unless ordered otherwise.")
            .ResolveAsync(async ctx => await RootConnectionResolver.ResolveAsync(ctx, PolicyFilterAndSort.Map));

        query.AddArnOrNameLookup<PolicyType, Policy>("policy", "policy", db => db.Policies);
    }
}
