using System.Linq.Expressions;

using GraphQL;
using GraphQL.DataLoader;

using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Projection;
using IamGraph.Api.Common.Sorting;
using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;

namespace IamGraph.Api.Common.DataLoading;

/// <summary>A node joined to the id of the parent it was loaded for.</summary>
public sealed class ParentLink<TNode>
{
    public int ParentId { get; init; }
    public required TNode Node { get; init; }

    /// <summary>A column of the link row an edge carries (effective grants' <c>via</c>); set only by loaders that say <c>HasDetail</c>.</summary>
    public string? Detail { get; init; }
}

/// <summary>A nested connection whose items are the nodes themselves (<c>policy.actions(...)</c>).</summary>
public abstract class RelationConnectionDataLoader<TNode>(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : RelationConnectionDataLoader<TNode, TNode>(factory, options)
    where TNode : class
{
    protected override TNode Item(ParentLink<TNode> link) => link.Node;
}

/// <summary>
/// A nested connection (<c>policy.actions(...)</c>) for every parent of a level in ONE statement: filtered nodes joined to
/// the parent ids, ordered in SQL, then grouped and sliced per parent in memory (totalCount per parent from the same rows).
/// One batch per connection field of the query, since a field's arguments are the same for all its parents.
/// <typeparamref name="TItem"/> is what an edge holds: the node, or the node with something of the link (a grant's <c>via</c>).
/// </summary>
public abstract class RelationConnectionDataLoader<TNode, TItem>(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : BatchLoader<int, Page<TItem>>
    where TNode : class
{
    private static readonly object LoadAllBatchKey = new();

    protected abstract EntityFieldMap<TNode> Map { get; }

    /// <summary>The relation as rows of (parent id, node), restricted to <paramref name="parentIds"/>.</summary>
    protected abstract IQueryable<ParentLink<TNode>> Links(CatalogDbContext db, IQueryable<TNode> nodes, int[] parentIds);

    /// <summary>True when <see cref="Links"/> sets <see cref="ParentLink{TNode}.Detail"/>.</summary>
    protected virtual bool HasDetail => false;

    protected abstract TItem Item(ParentLink<TNode> link);

    /// <summary><c>l => new ParentLink { ParentId = l.ParentId, Node = projection(l.Node) }</c>, built once per projection.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Expression<Func<TNode, TNode>>, bool), Expression<Func<ParentLink<TNode>, ParentLink<TNode>>>> ProjectLinks = new();

    private Expression<Func<ParentLink<TNode>, ParentLink<TNode>>> ProjectLink(Expression<Func<TNode, TNode>> projection) =>
        ProjectLinks.TryGetValue((projection, HasDetail), out var cached) ? cached
        : ProjectLinks.Count < 4096 ? ProjectLinks.GetOrAdd((projection, HasDetail), key => BuildProjectLink(key.Item1, key.Item2))
        : BuildProjectLink(projection, HasDetail);

    private static Expression<Func<ParentLink<TNode>, ParentLink<TNode>>> BuildProjectLink(Expression<Func<TNode, TNode>> projection, bool hasDetail)
    {
        var link = Expression.Parameter(typeof(ParentLink<TNode>), "l");
        var node = new ReplaceParameter(projection.Parameters[0], Expression.Property(link, nameof(ParentLink<TNode>.Node))).Visit(projection.Body);
        var type = typeof(ParentLink<TNode>);
        List<MemberBinding> bindings =
        [
            Expression.Bind(type.GetProperty(nameof(ParentLink<TNode>.ParentId))!, Expression.Property(link, nameof(ParentLink<TNode>.ParentId))),
            Expression.Bind(type.GetProperty(nameof(ParentLink<TNode>.Node))!, node),
        ];
        if (hasDetail)
        {
            bindings.Add(Expression.Bind(type.GetProperty(nameof(ParentLink<TNode>.Detail))!, Expression.Property(link, nameof(ParentLink<TNode>.Detail))));
        }
        return Expression.Lambda<Func<ParentLink<TNode>, ParentLink<TNode>>>(Expression.MemberInit(Expression.New(type), bindings), link);
    }

    public IDataLoaderResult<Page<TItem>?> Load(IResolveFieldContext context, int parentId) =>
        // The field's arguments and selection are the same for every parent of the batch: read them once.
        Load(context.FieldAst, parentId, () =>
        {
            var args = ConnectionArguments.From(context, options);
            var filter = FilterExpressionBuilder.Build(context.GetArgument<object?>("where"), Map);
            var order = context.GetArgument<object?>("order");
            var projection = SelectionProjection.ForConnection(context, Map.Projection);
            return (ids, ct) => FetchAsync(ids, args, filter, order, projection, ct);
        });

    /// <summary>Every item of each parent in the default order, for plain list fields (<c>action.variants</c>).</summary>
    public IDataLoaderResult<IReadOnlyList<TItem>> LoadAll(int parentId) =>
        Load(LoadAllBatchKey, parentId, (ids, ct) => FetchAsync(ids, new ConnectionArguments(int.MaxValue, null, null, null), null, null, Map.Projection, ct))
            .Map(page => (IReadOnlyList<TItem>)[.. page?.Nodes ?? []]);

    private async Task<IReadOnlyDictionary<int, Page<TItem>>> FetchAsync(
        IReadOnlyCollection<int> parentIds,
        ConnectionArguments args,
        Expression<Func<TNode, bool>>? filter,
        object? order,
        Expression<Func<TNode, TNode>> projection,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var nodes = db.Set<TNode>().AsNoTracking();
        if (filter is not null)
        {
            nodes = nodes.Where(filter);
        }
        var rows = await SortExpressionBuilder.Apply(Links(db, nodes, parentIds.ToArray()), l => l.Node, order, Map)
            .Select(ProjectLink(projection))
            .ToListAsync(cancellationToken);

        var byParent = new Dictionary<int, List<TItem>>(parentIds.Count);
        foreach (var row in rows)
        {
            if (!byParent.TryGetValue(row.ParentId, out var list))
            {
                byParent[row.ParentId] = list = [];
            }
            list.Add(Item(row));
        }
        var pages = new Dictionary<int, Page<TItem>>(parentIds.Count);
        foreach (var parentId in parentIds)
        {
            pages[parentId] = Page.FromList(byParent.TryGetValue(parentId, out var list) ? list : [], args, options.DefaultPageSize);
        }
        return pages;
    }
}
