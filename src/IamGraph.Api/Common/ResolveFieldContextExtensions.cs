using GraphQL;

using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Common;

public static class ResolveFieldContextExtensions
{
    /// <summary>The request's DI scope, where the DataLoaders live; the host must pass it as <c>ExecutionOptions.RequestServices</c>.</summary>
    public static IServiceProvider RequestServicesOrThrow(this IResolveFieldContext context) =>
        context.RequestServices ?? throw new InvalidOperationException(
            "ExecutionOptions.RequestServices is not set: execute IamGraphSchema with the request's service scope (e.g. HttpContext.RequestServices).");

    /// <summary>
    /// A context from the pool for one piece of this request's work; dispose it (<c>await using</c>). One per statement batch,
    /// never shared: sibling fields may resolve in parallel and a context serves one query at a time.
    /// </summary>
    public static Task<CatalogDbContext> CreateDbContextAsync(this IResolveFieldContext context, CancellationToken? cancellationToken = null) =>
        context.RequestServicesOrThrow().GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(cancellationToken ?? context.CancellationToken);
}
