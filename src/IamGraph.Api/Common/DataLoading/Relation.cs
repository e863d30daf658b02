using System.Linq.Expressions;

using IamGraph.Api.Common.Filtering;
using IamGraph.Catalog;

namespace IamGraph.Api.Common.DataLoading;

/// <summary>
/// One row of a relation: a parent id, a node id, and what an edge may carry of the link: a text (an effective grant's
/// <c>via</c>), a flag (whether it is unrestricted) and bits (its limits). A relation with edges sets all three.
/// </summary>
public sealed class Link
{
    public int ParentId { get; init; }
    public int NodeId { get; init; }
    public string? Detail { get; init; }
    public bool? DetailFlag { get; init; }
    public int DetailBits { get; init; }
}

/// <summary>A node joined to the id of the parent it was loaded for.</summary>
public sealed class ParentLink<TNode>
{
    public int ParentId { get; init; }
    public required TNode Node { get; init; }
    public string? Detail { get; init; }
    public bool? DetailFlag { get; init; }
    public int DetailBits { get; init; }
}

/// <summary>What the filter engine needs of a relation: the navigation <c>some/none/all/any</c> go through, and the nodes' field map.</summary>
public interface IFilterableRelation<TParent>
{
    LambdaExpression Navigation { get; }
    IEntityFieldMap Nodes { get; }
}

/// <summary>
/// A to-many relation declared as data (each feature's <c>XRelations</c>): the rows that link parent ids to node ids, and what
/// an edge holds. <see cref="RelationLoader{TParent,TNode,TItem}"/> reads it in one statement per connection field and level;
/// its navigation, when declared, is what <c>where: { field: { some: ... } }</c> filters through.
/// </summary>
/// <typeparam name="TItem">What an edge holds: the node, or the node with the link's detail (a grant's <c>via</c>).</typeparam>
public class Relation<TParent, TNode, TItem>(
    Func<CatalogDbContext, IQueryable<TNode>, int[], IQueryable<ParentLink<TNode>>> links,
    Func<EntityFieldMap<TNode>> nodes,
    Func<ParentLink<TNode>, TItem> item,
    Func<TParent, int>? parentIdOf,
    Expression<Func<TParent, IEnumerable<TNode>>>? navigation) : IFilterableRelation<TParent>
    where TNode : class
{
    /// <summary>The relation's rows for the parent ids, joined to the (filtered) nodes.</summary>
    public Func<CatalogDbContext, IQueryable<TNode>, int[], IQueryable<ParentLink<TNode>>> Links { get; } = links;

    /// <summary>How the nodes filter, sort and read; a function because the feature maps name each other's relations.</summary>
    public EntityFieldMap<TNode> Nodes => nodes();

    public Func<ParentLink<TNode>, TItem> Item { get; } = item;

    /// <summary>True when edges carry <see cref="Link.Detail"/>, <see cref="Link.DetailFlag"/> and <see cref="Link.DetailBits"/>.</summary>
    public bool HasDetail { get; init; }

    /// <summary>
    /// The nodes are read whole rather than narrowed to the selection: for small rows whose fields are not named after their
    /// columns (a statement's <c>resources</c> read from <c>Resource</c> and <c>IsNotResource</c>).
    /// </summary>
    public bool WholeRows { get; init; }

    /// <summary>Which id of the parent the relation hangs off: its own, or its canonical variant's for what is answered for the canonical.</summary>
    public Func<TParent, int> ParentIdOf { get; } = parentIdOf ?? EntityId.Of;

    public LambdaExpression Navigation => navigation ?? throw new InvalidOperationException($"{typeof(TParent).Name} -> {typeof(TNode).Name} declares no navigation to filter through.");

    IEntityFieldMap IFilterableRelation<TParent>.Nodes => Nodes;

    /// <summary>The same relation, each edge made of the node and the link's details, e.g. a policy and the patterns that granted it.</summary>
    public Relation<TParent, TNode, TEdge> WithEdges<TEdge>(Func<ParentLink<TNode>, TEdge> edge) =>
        new(Links, nodes, edge, ParentIdOf, navigation) { HasDetail = true, WholeRows = WholeRows };
}

/// <summary>A relation whose edges hold just the node.</summary>
public sealed class Relation<TParent, TNode> : Relation<TParent, TNode, TNode>
    where TNode : class
{
    /// <summary>
    /// Parents and nodes linked by <paramref name="links"/> (rows of a join table, or of a query over several, as <see cref="Link"/>s).
    /// <paramref name="distinct"/> collapses links that name the same pair twice (a union over several join rows).
    /// </summary>
    public Relation(
        Func<CatalogDbContext, IQueryable<Link>> links,
        Func<EntityFieldMap<TNode>> nodes,
        Expression<Func<TParent, IEnumerable<TNode>>>? navigation = null,
        bool distinct = false,
        Func<TParent, int>? parentIdOf = null)
        : base((db, filtered, parentIds) => Join(links(db), filtered, parentIds, distinct), nodes, link => link.Node, parentIdOf, navigation)
    {
    }

    /// <summary>Nodes that hold their parent's id themselves (a foreign key such as <c>actions.service_id</c>): no join table.</summary>
    public Relation(
        Expression<Func<TNode, int>> parentKey,
        Func<EntityFieldMap<TNode>> nodes,
        Expression<Func<TParent, IEnumerable<TNode>>>? navigation = null,
        Func<TParent, int>? parentIdOf = null)
        : base((_, filtered, parentIds) => OfParents(filtered.Select(WithParent(parentKey)), parentIds), nodes, link => link.Node, parentIdOf, navigation)
    {
    }

    private static IQueryable<ParentLink<TNode>> Join(IQueryable<Link> links, IQueryable<TNode> nodes, int[] parentIds, bool distinct)
    {
        links = OfParents(links, parentIds);
        return (distinct ? links.Distinct() : links)
            .Join(nodes, l => l.NodeId, EntityId.Column<TNode>(), (l, node) => new ParentLink<TNode> { ParentId = l.ParentId, Node = node, Detail = l.Detail, DetailFlag = l.DetailFlag, DetailBits = l.DetailBits });
    }

    /// <summary>
    /// The rows of <paramref name="parentIds"/>. One parent (<c>action(name:) { policies }</c>) is compared with a scalar read
    /// from a <see cref="SingleParent"/>, which <see cref="RelationLoader{TParent,TNode,TItem}"/> can make the parameter of a
    /// compiled query (a captured list would be frozen into it).
    /// </summary>
    private static IQueryable<Link> OfParents(IQueryable<Link> links, int[] parentIds) =>
        parentIds.Length == 1 ? links.Where(SingleParent.Test<Link>(parentIds[0])) : links.Where(l => parentIds.Contains(l.ParentId));

    private static IQueryable<ParentLink<TNode>> OfParents(IQueryable<ParentLink<TNode>> links, int[] parentIds) =>
        parentIds.Length == 1 ? links.Where(SingleParent.Test<ParentLink<TNode>>(parentIds[0])) : links.Where(l => parentIds.Contains(l.ParentId));

    /// <summary><c>n => new ParentLink { ParentId = parentKey(n), Node = n }</c>.</summary>
    private static Expression<Func<TNode, ParentLink<TNode>>> WithParent(Expression<Func<TNode, int>> parentKey) =>
        Expression.Lambda<Func<TNode, ParentLink<TNode>>>(
            Expression.MemberInit(
                Expression.New(typeof(ParentLink<TNode>)),
                Expression.Bind(typeof(ParentLink<TNode>).GetProperty(nameof(ParentLink<TNode>.ParentId))!, parentKey.Body),
                Expression.Bind(typeof(ParentLink<TNode>).GetProperty(nameof(ParentLink<TNode>.Node))!, parentKey.Parameters[0])),
            parentKey.Parameters);
}

/// <summary>The one parent id of a single-parent load, as the query reads it: <c>l =&gt; l.ParentId == holder.ParentId</c>.</summary>
public sealed class SingleParent(int parentId)
{
    public int ParentId { get; } = parentId;

    /// <summary><c>l =&gt; l.ParentId == new SingleParent(parentId).ParentId</c>, for a <see cref="Link"/> or a <see cref="ParentLink{TNode}"/>.</summary>
    public static Expression<Func<TRow, bool>> Test<TRow>(int parentId)
    {
        var row = Expression.Parameter(typeof(TRow), "l");
        var holder = Expression.Property(Expression.Constant(new SingleParent(parentId)), nameof(ParentId));
        return Expression.Lambda<Func<TRow, bool>>(Expression.Equal(Expression.Property(row, nameof(Link.ParentId)), holder), row);
    }
}
