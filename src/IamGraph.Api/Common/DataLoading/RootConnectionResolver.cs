using GraphQL;

using IamGraph.Api.Common.Authorization;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Projection;
using IamGraph.Api.Common.Sorting;
using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Common.DataLoading;

/// <summary>Root connections (<c>policies(...)</c>): filter, order and LIMIT/OFFSET in SQL; COUNT only when needed.</summary>
public static class RootConnectionResolver
{
    public static Task<Page<TNode>> ResolveAsync<TNode>(IResolveFieldContext context, EntityFieldMap<TNode> map)
        where TNode : class =>
        ResolveAsync(context, map, db => db.Set<TNode>());

    /// <param name="source">The rows the connection ranges over before <c>where</c> (e.g. the policies granting some actions).</param>
    public static async Task<Page<TNode>> ResolveAsync<TNode>(IResolveFieldContext context, EntityFieldMap<TNode> map, Func<CatalogDbContext, IQueryable<TNode>> source)
        where TNode : class
    {
        var services = context.RequestServicesOrThrow();
        var options = services.GetRequiredService<ApiOptions>();
        // The page's totalCount runs after this resolver returned, when GraphQL.NET may have reset this context or handed it
        // to another request's field (it keeps one per thread): the count must use this request's factory, taken now.
        var contexts = services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        var args = ConnectionArguments.From(context, options);
        var filter = FilterExpressionBuilder.Build(context.GetArgument<object?>("where"), map);
        var order = SortKeys.Read(context);
        var cancellationToken = context.CancellationToken;

        IQueryable<TNode> Filtered(CatalogDbContext db)
        {
            var query = source(db).AsNoTracking();
            return filter is null ? query : query.Where(filter);
        }

        int? knownCount = null;
        async Task<int> CountAsync(CancellationToken ct)
        {
            if (knownCount is int count)
            {
                return count;
            }
            await using var db = await contexts.CreateDbContextAsync(ct);
            return (knownCount = await Filtered(db).WithAccountShares(db).CountAsync(ct)).Value;
        }

        var window = PageWindow.Compute(args, options.DefaultPageSize, null)
            ?? PageWindow.Compute(args, options.DefaultPageSize, await CountAsync(cancellationToken))!.Value;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One look-ahead row tells hasNextPage without a COUNT.
        Task<List<TNode>> FetchAsync(PageWindow slice) => SortExpressionBuilder.Apply(Filtered(db), order, map)
            .Skip(slice.Start)
            .Take(slice.Length + 1)
            .Select(SelectionProjection.ForConnection(context, map.Projection))
            .WithAccountShares(db)
            .ToListAsync(cancellationToken);

        var rows = await FetchAsync(window);
        if (args.Last is not null && knownCount is null && rows.Count < window.Length)
        {
            // last counted back from an end past the real one (a before cursor past the end, or first reaching past it):
            // count back from the real end instead, as nested connections (which know their count) do.
            window = PageWindow.Compute(args, options.DefaultPageSize, await CountAsync(cancellationToken))!.Value;
            rows = await FetchAsync(window);
        }
        return Page.FromWindow(rows, window, CountAsync);
    }
}
