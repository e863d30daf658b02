using GraphQL.Types;

namespace IamGraph.Api.Common.Relay;

/// <summary>An object type that is a Relay node: its name, the <c>Node</c> interface and the global <c>id</c> every node has.</summary>
public abstract class NodeGraphType<T> : ObjectGraphType<T>
{
    protected NodeGraphType(string name, string description, Func<T, int> id)
    {
        Name = name;
        Description = description;
        Interface<NodeInterfaceType>();
        IsTypeOf = o => o is T;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => NodeId.Encode(name, id(ctx.Source)));
    }
}
