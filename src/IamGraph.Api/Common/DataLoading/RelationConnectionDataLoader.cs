using System.Linq.Expressions;

using GraphQL;
using GraphQL.DataLoader;

using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Sorting;
using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;

namespace IamGraph.Api.Common.DataLoading;

/// <summary>A node joined to the id of the parent it was loaded for.</summary>
public sealed class ParentLink<TNode>
{
    public int ParentId { get; init; }
    public required TNode Node { get; init; }
}

/// <summary>
/// A nested connection (<c>policy.actions(...)</c>) for every parent of a level in ONE statement: filtered nodes joined to
/// the parent ids, ordered in SQL, then grouped and sliced per parent in memory (totalCount per parent from the same rows).
/// One batch per connection field of the query, since a field's arguments are the same for all its parents.
/// </summary>
public abstract class RelationConnectionDataLoader<TNode>(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : BatchLoader<int, Page<TNode>>
    where TNode : class
{
    protected abstract EntityFieldMap<TNode> Map { get; }

    /// <summary>The relation as rows of (parent id, node), restricted to <paramref name="parentIds"/>.</summary>
    protected abstract IQueryable<ParentLink<TNode>> Links(CatalogDbContext db, IQueryable<TNode> nodes, int[] parentIds);

    /// <summary><c>l => new ParentLink { ParentId = l.ParentId, Node = Map.Projection(l.Node) }</c>, built once.</summary>
    private Expression<Func<ParentLink<TNode>, ParentLink<TNode>>> ProjectLink => _projectLink ??= BuildProjectLink(Map.Projection);

    private Expression<Func<ParentLink<TNode>, ParentLink<TNode>>>? _projectLink;

    private static Expression<Func<ParentLink<TNode>, ParentLink<TNode>>> BuildProjectLink(Expression<Func<TNode, TNode>> projection)
    {
        var link = Expression.Parameter(typeof(ParentLink<TNode>), "l");
        var node = new ReplaceParameter(projection.Parameters[0], Expression.Property(link, nameof(ParentLink<TNode>.Node))).Visit(projection.Body);
        return Expression.Lambda<Func<ParentLink<TNode>, ParentLink<TNode>>>(
            Expression.MemberInit(
                Expression.New(typeof(ParentLink<TNode>)),
                Expression.Bind(typeof(ParentLink<TNode>).GetProperty(nameof(ParentLink<TNode>.ParentId))!, Expression.Property(link, nameof(ParentLink<TNode>.ParentId))),
                Expression.Bind(typeof(ParentLink<TNode>).GetProperty(nameof(ParentLink<TNode>.Node))!, node)),
            link);
    }

    public IDataLoaderResult<Page<TNode>?> Load(IResolveFieldContext context, int parentId)
    {
        var args = ConnectionArguments.From(context, options);
        var filter = FilterExpressionBuilder.Build(context.GetArgument<object?>("where"), Map);
        var order = context.GetArgument<object?>("order");
        return Load(context.FieldAst, parentId, (ids, ct) => FetchAsync(ids, args, filter, order, ct));
    }

    private async Task<IReadOnlyDictionary<int, Page<TNode>>> FetchAsync(
        IReadOnlyCollection<int> parentIds,
        ConnectionArguments args,
        Expression<Func<TNode, bool>>? filter,
        object? order,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var nodes = db.Set<TNode>().AsNoTracking();
        if (filter is not null)
        {
            nodes = nodes.Where(filter);
        }
        var rows = await SortExpressionBuilder.Apply(Links(db, nodes, parentIds.ToArray()), l => l.Node, order, Map)
            .Select(ProjectLink)
            .ToListAsync(cancellationToken);

        var byParent = new Dictionary<int, List<TNode>>(parentIds.Count);
        foreach (var row in rows)
        {
            if (!byParent.TryGetValue(row.ParentId, out var list))
            {
                byParent[row.ParentId] = list = [];
            }
            list.Add(row.Node);
        }
        var pages = new Dictionary<int, Page<TNode>>(parentIds.Count);
        foreach (var parentId in parentIds)
        {
            pages[parentId] = Page.FromList(byParent.TryGetValue(parentId, out var list) ? list : [], args, options.DefaultPageSize);
        }
        return pages;
    }
}
