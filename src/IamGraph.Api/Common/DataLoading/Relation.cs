using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;

using IamGraph.Api.Common.Filtering;
using IamGraph.Catalog;

namespace IamGraph.Api.Common.DataLoading;

/// <summary>A node joined to the id of the parent it was loaded for.</summary>
public sealed class ParentLink<TNode>
{
    public int ParentId { get; init; }
    public required TNode Node { get; init; }

    /// <summary>A column of the link row an edge carries (effective grants' <c>via</c>); set only for relations declared with a detail.</summary>
    public string? Detail { get; init; }
}

/// <summary>What the filter engine needs of a relation: the navigation <c>some/none/all/any</c> go through, and the nodes' field map.</summary>
public interface IFilterableRelation<TParent>
{
    LambdaExpression Navigation { get; }
    IEntityFieldMap Nodes { get; }
}

/// <summary>
/// A to-many relation declared as data (each feature's <c>*Relations</c> class): which rows link a parent id to a node id, and
/// what an edge carries. <see cref="RelationLoader{TParent,TNode,TItem}"/> turns it into one statement per connection field and
/// level; its <see cref="Navigation"/>, when declared, is what <c>where: { field: { some: ... } }</c> filters through.
/// </summary>
/// <typeparam name="TItem">What an edge holds: the node, or the node with the link's detail (a grant's <c>via</c>).</typeparam>
public class Relation<TParent, TNode, TItem> : IFilterableRelation<TParent>
    where TNode : class
{
    private readonly Func<EntityFieldMap<TNode>> _nodes;
    private readonly Expression<Func<TParent, IEnumerable<TNode>>>? _navigation;

    internal Relation(
        Func<CatalogDbContext, IQueryable<TNode>, int[], IQueryable<ParentLink<TNode>>> links,
        Func<EntityFieldMap<TNode>> nodes,
        bool hasDetail,
        Func<ParentLink<TNode>, TItem> item,
        Func<TParent, int> parentIdOf,
        Expression<Func<TParent, IEnumerable<TNode>>>? navigation)
    {
        Links = links;
        _nodes = nodes;
        HasDetail = hasDetail;
        Item = item;
        ParentIdOf = parentIdOf;
        _navigation = navigation;
    }

    /// <summary>The relation's rows for <c>parentIds</c>, joined to the (filtered) nodes.</summary>
    public Func<CatalogDbContext, IQueryable<TNode>, int[], IQueryable<ParentLink<TNode>>> Links { get; }

    /// <summary>How the nodes filter, sort and project; a function because the feature maps refer to each other's relations.</summary>
    public EntityFieldMap<TNode> Nodes => _nodes();

    public bool HasDetail { get; }

    public Func<ParentLink<TNode>, TItem> Item { get; }

    /// <summary>Which id of the parent the relation hangs off: its own, or its canonical variant's for what is answered for the canonical.</summary>
    public Func<TParent, int> ParentIdOf { get; }

    public LambdaExpression Navigation => _navigation ?? throw new InvalidOperationException($"The relation {typeof(TParent).Name} -> {typeof(TNode).Name} declares no navigation to filter through.");

    IEntityFieldMap IFilterableRelation<TParent>.Nodes => Nodes;

    /// <summary>The same relation with edges that carry the link's detail, e.g. a policy with the patterns that granted it.</summary>
    public Relation<TParent, TNode, TEdge> WithEdges<TEdge>(Func<TNode, string?, TEdge> edge) =>
        HasDetail
            ? new(Links, _nodes, true, link => edge(link.Node, link.Detail), ParentIdOf, _navigation)
            : throw new InvalidOperationException("Edges need a relation declared with a detail.");
}

/// <summary>A relation whose edges hold just the node.</summary>
public sealed class Relation<TParent, TNode> : Relation<TParent, TNode, TNode>
    where TNode : class
{
    private Relation(
        Func<CatalogDbContext, IQueryable<TNode>, int[], IQueryable<ParentLink<TNode>>> links,
        Func<EntityFieldMap<TNode>> nodes,
        bool hasDetail,
        Func<TParent, int>? parentIdOf,
        Expression<Func<TParent, IEnumerable<TNode>>>? navigation)
        : base(links, nodes, hasDetail, link => link.Node, parentIdOf ?? EntityId.Of, navigation)
    {
    }

    /// <summary>
    /// Parents and nodes linked by rows of <paramref name="links"/> (a join table, or a query over several): <c>parentKey</c> and
    /// <c>nodeKey</c> are the link's two ids, <paramref name="detail"/> a column an edge may carry. <paramref name="distinct"/>
    /// collapses link rows that name the same pair (a union over several join rows).
    /// </summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Declarations name parent and node once: Relation<Policy, Action>.Through(...); the link type is inferred.")]
    public static Relation<TParent, TNode> Through<TLink>(
        Func<CatalogDbContext, IQueryable<TLink>> links,
        Expression<Func<TLink, int>> parentKey,
        Expression<Func<TLink, int>> nodeKey,
        Func<EntityFieldMap<TNode>> nodes,
        Expression<Func<TParent, IEnumerable<TNode>>>? navigation = null,
        Expression<Func<TLink, string>>? detail = null,
        bool distinct = false,
        Func<TParent, int>? parentIdOf = null)
    {
        var row = LinkRow.Selector(parentKey, nodeKey, detail);
        IQueryable<ParentLink<TNode>> Links(CatalogDbContext db, IQueryable<TNode> filtered, int[] parentIds)
        {
            var rows = links(db).Select(row).Where(r => parentIds.Contains(r.ParentId));
            if (distinct)
            {
                rows = rows.Distinct();
            }
            return detail is null
                ? rows.Join(filtered, r => r.NodeId, EntityId.Column<TNode>(), (r, node) => new ParentLink<TNode> { ParentId = r.ParentId, Node = node })
                : rows.Join(filtered, r => r.NodeId, EntityId.Column<TNode>(), (r, node) => new ParentLink<TNode> { ParentId = r.ParentId, Node = node, Detail = r.Detail });
        }
        return new(Links, nodes, detail is not null, parentIdOf, navigation);
    }

    /// <summary>Nodes that hold their parent's id themselves (a foreign key such as <c>action.service_id</c>): no join table.</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Declarations name parent and node once: Relation<Policy, Action>.Through(...); the link type is inferred.")]
    public static Relation<TParent, TNode> ByNodeKey(
        Expression<Func<TNode, int>> parentKey,
        Func<EntityFieldMap<TNode>> nodes,
        Expression<Func<TParent, IEnumerable<TNode>>>? navigation = null,
        Func<TParent, int>? parentIdOf = null)
    {
        var link = Expression.Lambda<Func<TNode, ParentLink<TNode>>>(
            Expression.MemberInit(
                Expression.New(typeof(ParentLink<TNode>)),
                Expression.Bind(typeof(ParentLink<TNode>).GetProperty(nameof(ParentLink<TNode>.ParentId))!, parentKey.Body),
                Expression.Bind(typeof(ParentLink<TNode>).GetProperty(nameof(ParentLink<TNode>.Node))!, parentKey.Parameters[0])),
            parentKey.Parameters);
        return new((_, filtered, parentIds) => filtered.Select(link).Where(l => parentIds.Contains(l.ParentId)), nodes, false, parentIdOf, navigation);
    }
}

/// <summary>One row of a relation before the nodes are joined in: the two ids and the optional detail.</summary>
internal sealed class LinkRow
{
    public int ParentId { get; init; }
    public int NodeId { get; init; }
    public string? Detail { get; init; }

    /// <summary><c>l => new LinkRow { ParentId = parentKey(l), NodeId = nodeKey(l)[, Detail = detail(l)] }</c>.</summary>
    public static Expression<Func<TLink, LinkRow>> Selector<TLink>(
        Expression<Func<TLink, int>> parentKey, Expression<Func<TLink, int>> nodeKey, Expression<Func<TLink, string>>? detail)
    {
        var link = parentKey.Parameters[0];
        Expression Body(LambdaExpression key) => new ReplaceParameter(key.Parameters[0], link).Visit(key.Body);
        List<MemberBinding> bindings =
        [
            Expression.Bind(typeof(LinkRow).GetProperty(nameof(ParentId))!, parentKey.Body),
            Expression.Bind(typeof(LinkRow).GetProperty(nameof(NodeId))!, Body(nodeKey)),
        ];
        if (detail is not null)
        {
            bindings.Add(Expression.Bind(typeof(LinkRow).GetProperty(nameof(Detail))!, Body(detail)));
        }
        return Expression.Lambda<Func<TLink, LinkRow>>(Expression.MemberInit(Expression.New(typeof(LinkRow)), bindings), link);
    }
}
