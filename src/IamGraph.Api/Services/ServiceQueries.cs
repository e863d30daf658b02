using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Services;

public static class ServiceQueries
{
    public static void AddServiceQueries(this ObjectGraphType query)
    {
        query.ConnectionField<object?, ServiceType, Service, ServiceFilterInputType, ServiceSortInputType>("services")
            .Description("All service prefixes, by name unless ordered otherwise.")
            .ResolveAsync(async ctx => await RootConnectionResolver.ResolveAsync(ctx, ServiceFilterAndSort.Map));

        query.AddCanonicalNameLookup<ServiceType, Service>(
            "service",
            "One service prefix by its exact (case-sensitive) name; with `ignoreCase: true`, the canonical variant of the names equal ignoring case.",
            "Compare ignoring case and return the canonical variant.",
            db => db.Services);
    }
}
