using System.Linq.Expressions;

using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;

using IamGraph.Api.Common.Authorization;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Projection;
using IamGraph.Api.Common.Sorting;
using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Common.DataLoading;

/// <summary>
/// Loads a <see cref="Relation{TParent,TNode,TItem}"/> for every parent of a level in ONE statement: the filtered nodes joined
/// to the parent ids, ordered in SQL, then grouped and sliced per parent in memory (totalCount per parent from the same rows).
/// One batch per connection field of the query, since a field's arguments are the same for all its parents. Request-scoped.
/// </summary>
public sealed class RelationLoader<TParent, TNode, TItem>(IDbContextFactory<CatalogDbContext> factory, ApiOptions options)
    : BatchLoader<int, Page<TItem>>
    where TNode : class
{
    /// <summary><c>l => new ParentLink { ParentId = l.ParentId, Node = projection(l.Node) }</c>, built once per projection.</summary>
    private static readonly BoundedCache<(Expression<Func<TNode, TNode>>, bool), Expression<Func<ParentLink<TNode>, ParentLink<TNode>>>> ProjectLinks =
        new(SelectionProjection.CacheLimit);

    /// <summary>
    /// Compiled single-parent queries by model (a compiled query runs against the one it was compiled for), relation and
    /// projection; null for a query that cannot be compiled. Past the bound (many distinct selections) queries run as built:
    /// a compiled query pays off only when it is kept.
    /// </summary>
    private static readonly BoundedCache<(IModel, Relation<TParent, TNode, TItem>, Expression<Func<TNode, TNode>>), Func<CatalogDbContext, int, IAsyncEnumerable<ParentLink<TNode>>>?> SingleParentQueries =
        new(SelectionProjection.CacheLimit);

    /// <summary>A nested connection field (<c>policy.actions(first:, where:, order:)</c>).</summary>
    public IDataLoaderResult<Page<TItem>?> Load(Relation<TParent, TNode, TItem> relation, IResolveFieldContext context, int parentId) =>
        // The field's arguments and selection are the same for every parent of the batch: read them once.
        Load((relation, context.FieldAst), parentId, () =>
        {
            var nodes = relation.Nodes;
            var args = ConnectionArguments.From(context, options);
            var filter = FilterExpressionBuilder.Build(context.GetArgument<object?>("where"), nodes);
            var order = SortKeys.Read(context);
            var projection = relation.WholeRows ? nodes.Projection : SelectionProjection.ForConnection(context, nodes.Projection);
            return (ids, ct) => FetchAsync(relation, ids, args, filter, order, projection, ct);
        });

    /// <summary>Every item of each parent in the default order, for plain list fields (<c>action.variants</c>).</summary>
    public IDataLoaderResult<IReadOnlyList<TItem>> LoadAll(Relation<TParent, TNode, TItem> relation, IResolveFieldContext context, int parentId) =>
        Load((relation, context.FieldAst), parentId, () =>
        {
            var projection = relation.WholeRows ? relation.Nodes.Projection : SelectionProjection.ForList(context, relation.Nodes.Projection);
            return (ids, ct) => FetchAsync(relation, ids, new ConnectionArguments(int.MaxValue, null, null, null), null, [], projection, ct);
        })
        .Map(page => (IReadOnlyList<TItem>)[.. page?.Nodes ?? []]);

    private async Task<IReadOnlyDictionary<int, Page<TItem>>> FetchAsync(
        Relation<TParent, TNode, TItem> relation,
        IReadOnlyCollection<int> parentIds,
        ConnectionArguments args,
        Expression<Func<TNode, bool>>? filter,
        IReadOnlyList<SortKey> order,
        Expression<Func<TNode, TNode>> projection,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        IQueryable<ParentLink<TNode>> Query(int[] ids)
        {
            var nodes = db.Set<TNode>().AsNoTracking();
            if (filter is not null)
            {
                nodes = nodes.Where(filter);
            }
            return SortExpressionBuilder.Apply(relation.Links(db, nodes, ids), l => l.Node, order, relation.Nodes)
                .Select(ProjectLink(projection, relation.HasDetail))
                .WithAccountShares(db);
        }

        List<ParentLink<TNode>> rows;
        // One parent in the default order (a lookup's connection): the same query every time but for the id, so it runs
        // compiled, without EF Core rebuilding, walking and hashing its expression per request. Public scope only: a
        // caller's accounts rewrite the query (their shares of the counts), and those run as built.
        if (parentIds.Count == 1 && filter is null && order.Count == 0 && db.AccountScope == AccountScope.Public
            && SingleParentQueries.GetOrAddIfRoom((db.Model, relation, projection), _ => CompiledQuery.Of(Query([0]))) is { } compiled)
        {
            rows = [];
            await foreach (var row in compiled(db, parentIds.First()).WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }
        }
        else
        {
            rows = await Query([.. parentIds]).ToListAsync(cancellationToken);
        }

        // Rows arrive in the connection's order; each parent's list keeps it.
        var byParent = new Dictionary<int, List<TItem>>(parentIds.Count);
        foreach (var row in rows)
        {
            if (!byParent.TryGetValue(row.ParentId, out var items))
            {
                byParent[row.ParentId] = items = [];
            }
            items.Add(relation.Item(row));
        }
        var pages = new Dictionary<int, Page<TItem>>(parentIds.Count);
        foreach (var id in parentIds)
        {
            pages[id] = Page.FromList(byParent.GetValueOrDefault(id) ?? [], args, options.DefaultPageSize);
        }
        return pages;
    }

    private static Expression<Func<ParentLink<TNode>, ParentLink<TNode>>> ProjectLink(Expression<Func<TNode, TNode>> projection, bool hasDetail) =>
        ProjectLinks.GetOrAdd((projection, hasDetail), key => BuildProjectLink(key.Item1, key.Item2));

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
            foreach (var detail in (string[])[nameof(ParentLink<TNode>.Detail), nameof(ParentLink<TNode>.DetailFlag), nameof(ParentLink<TNode>.DetailBits)])
            {
                bindings.Add(Expression.Bind(type.GetProperty(detail)!, Expression.Property(link, detail)));
            }
        }
        return Expression.Lambda<Func<ParentLink<TNode>, ParentLink<TNode>>>(Expression.MemberInit(Expression.New(type), bindings), link);
    }
}

/// <summary>The field line of a relation: <c>.ResolveConnection(PolicyRelations.Actions)</c> on a connection field, <c>.ResolveList(...)</c> on a list.</summary>
public static class RelationFieldExtensions
{
    public static FieldBuilder<TParent, object> ResolveConnection<TParent, TNode, TItem>(this FieldBuilder<TParent, object> field, Relation<TParent, TNode, TItem> relation)
        where TNode : class =>
        field.Resolve(ctx => Loader<TParent, TNode, TItem>(ctx).Load(relation, ctx, relation.ParentIdOf(ctx.Source)));

    /// <summary>A connection field served by one of several declarations of a relation, chosen by the field's arguments (<c>unrestricted:</c>).</summary>
    public static FieldBuilder<TParent, object> ResolveConnection<TParent, TNode, TItem>(
        this FieldBuilder<TParent, object> field, Func<IResolveFieldContext<TParent>, Relation<TParent, TNode, TItem>> relationOf)
        where TNode : class =>
        field.Resolve(ctx =>
        {
            var relation = relationOf(ctx);
            return Loader<TParent, TNode, TItem>(ctx).Load(relation, ctx, relation.ParentIdOf(ctx.Source));
        });

    /// <summary>A to-one field read through a relation: its first item in the relation's order, or null.</summary>
    public static FieldBuilder<TParent, object> ResolveFirst<TParent, TNode, TItem>(this FieldBuilder<TParent, object> field, Relation<TParent, TNode, TItem> relation)
        where TNode : class =>
        field.Resolve(ctx => Loader<TParent, TNode, TItem>(ctx).LoadAll(relation, ctx, relation.ParentIdOf(ctx.Source)).Map(items => items.Count > 0 ? (object?)items[0] : null));

    public static FieldBuilder<TParent, object> ResolveList<TParent, TNode, TItem>(this FieldBuilder<TParent, object> field, Relation<TParent, TNode, TItem> relation)
        where TNode : class =>
        field.Resolve(ctx => Loader<TParent, TNode, TItem>(ctx).LoadAll(relation, ctx, relation.ParentIdOf(ctx.Source)));

    private static RelationLoader<TParent, TNode, TItem> Loader<TParent, TNode, TItem>(IResolveFieldContext context)
        where TNode : class =>
        context.RequestServicesOrThrow().GetRequiredService<RelationLoader<TParent, TNode, TItem>>();
}

/// <summary>
/// Turns a single-parent query (built with <see cref="SingleParent"/>) into an EF Core compiled query whose parameter is the
/// parent id. Only when the id is the query's one captured value: any other (a closure over request state) would be frozen
/// into the compiled query, so such a query is not compiled (null) and runs as built.
/// </summary>
internal static class CompiledQuery
{
    public static Func<CatalogDbContext, int, IAsyncEnumerable<TRow>>? Of<TRow>(IQueryable<TRow> query)
    {
        var parentId = Expression.Parameter(typeof(int), "parentId");
        var parameterize = new Parameterize(parentId);
        var body = parameterize.Visit(query.Expression);
        if (!parameterize.OnlyParentCaptured || !parameterize.ParentFound)
        {
            return null;
        }
        var db = Expression.Parameter(typeof(CatalogDbContext), "db");
        return EF.CompileAsyncQuery(Expression.Lambda<Func<CatalogDbContext, int, IQueryable<TRow>>>(body, db, parentId));
    }

    private sealed class Parameterize(ParameterExpression parentId) : ExpressionVisitor
    {
        public bool OnlyParentCaptured { get; private set; } = true;

        public bool ParentFound { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ConstantExpression { Value: SingleParent })
            {
                ParentFound = true;
                return parentId;
            }
            return base.VisitMember(node);
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            // Literals are part of the query's shape; anything else (a closure, a list) is a value it captured.
            var type = Nullable.GetUnderlyingType(node.Type) ?? node.Type;
            if (node.Value is not null && !(type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)))
            {
                OnlyParentCaptured = false;
            }
            return node;
        }
    }
}
