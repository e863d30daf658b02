using GraphQL.Types;

namespace IamGraph.Api.Common.Relay;

/// <summary>Relay's <c>Node</c>: every catalogue entity can be refetched by its global id.</summary>
public sealed class NodeInterfaceType : InterfaceGraphType
{
    public NodeInterfaceType()
    {
        Name = "Node";
        Description = "An object with a global ID, refetchable through `node(id:)`.";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
