using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

using IamGraph.Api.Common.Relay;

namespace IamGraph.Api.Common.Paging;

/// <summary><c>XConnection { edges nodes pageInfo totalCount }</c> for node graph type <typeparamref name="TNodeType"/>.</summary>
public sealed class ConnectionGraphType<TNodeType, TNode>(ApiOptions options)
    : ConnectionGraphTypeBase<TNodeType, EdgeGraphType<TNodeType, TNode>, TNode>(TNodeType.GraphTypeName + "Connection", options, node => node)
    where TNodeType : IGraphType, INodeGraphType;

/// <summary>
/// A connection whose edges carry more than the node (<typeparamref name="TEdgeType"/> reads <typeparamref name="TItem"/>):
/// e.g. a policy granting an action, with the patterns that matched.
/// </summary>
public abstract class ConnectionGraphTypeBase<TNodeType, TEdgeType, TItem> : ObjectGraphType<Page<TItem>>
    where TNodeType : IGraphType
    where TEdgeType : IGraphType
{
    protected ConnectionGraphTypeBase(string name, ApiOptions options, Func<TItem, object?> nodeOf)
    {
        Name = name;
        Description = "A connection to a list of items.";
        var defaultPageSize = options.DefaultPageSize;

        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Information to aid in pagination.")
            .Resolve(ctx => ctx.Source.PageInfo);
        Field<ListGraphType<NonNullGraphType<TEdgeType>>>("edges")
            .Description("A list of edges.")
            .Resolve(ctx => ctx.Source.Edges)
            .WithComplexityImpact(ctx => PageSizeImpact(ctx, defaultPageSize));
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes")
            .Description("A flattened list of the nodes.")
            .Resolve(ctx => ctx.Source.NodeList(nodeOf))
            .WithComplexityImpact(ctx => PageSizeImpact(ctx, defaultPageSize));
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the connection (computed only when selected).")
            .ResolveAsync(async ctx => await ctx.Source.TotalCount(ctx.CancellationToken));
    }

    /// <summary>
    /// The children of <c>edges</c>/<c>nodes</c> are counted once per row the page can hold: the connection field's
    /// <c>first</c>/<c>last</c>, else the default page size (GraphQL.NET's default would use DefaultListImpactMultiplier).
    /// </summary>
    private static FieldComplexityResult PageSizeImpact(FieldImpactContext context, int defaultPageSize)
    {
        var arguments = context.Parent?.Arguments;
        double size = defaultPageSize;
        if (arguments?.TryGetValue("first", out var first) == true && first.Value is int f)
        {
            size = f;
        }
        else if (arguments?.TryGetValue("last", out var last) == true && last.Value is int l)
        {
            size = l;
        }
        return new FieldComplexityResult(context.Configuration.DefaultObjectImpact, size);
    }
}

public sealed class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<PageEdge<TNode>>
    where TNodeType : IGraphType, INodeGraphType
{
    public EdgeGraphType()
    {
        Name = TNodeType.GraphTypeName + "Edge";
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The item at the end of the edge.").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(ctx => ctx.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Resolve(ctx => ctx.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(ctx => ctx.Source.EndCursor);
    }
}
