using GraphQL.Builders;
using GraphQL.Types;

using IamGraph.Api.Common.Relay;

namespace IamGraph.Api.Common.Paging;

public static class ConnectionFieldExtensions
{
    /// <summary>A Relay connection field with HotChocolate's argument set: <c>first after last before where order</c>.</summary>
    public static FieldBuilder<TSource, object> ConnectionField<TSource, TNodeType, TNode, TFilterType, TSortType>(this ObjectGraphType<TSource> type, string name)
        where TNodeType : IGraphType, INodeGraphType
        where TFilterType : IInputObjectGraphType
        where TSortType : IInputObjectGraphType =>
        type.CustomConnectionField<TSource, ConnectionGraphType<TNodeType, TNode>, TFilterType, TSortType>(name);

    /// <summary>Like <see cref="ConnectionField"/>, for a connection type whose edges carry more than the node.</summary>
    public static FieldBuilder<TSource, object> CustomConnectionField<TSource, TConnectionType, TFilterType, TSortType>(this ObjectGraphType<TSource> type, string name)
        where TConnectionType : IGraphType
        where TFilterType : IInputObjectGraphType
        where TSortType : IInputObjectGraphType =>
        type.Field<NonNullGraphType<TConnectionType>>(name)
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
            .Argument<IntGraphType>("last", "Returns the last _n_ elements from the list.")
            .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.")
            .Argument<TFilterType>("where")
            .Argument<ListGraphType<NonNullGraphType<TSortType>>>("order");
}
