namespace IamGraph.Api.Common.Relay;

/// <summary>A node's graph type name, known statically so generic connection/edge types can name themselves.</summary>
public interface INodeGraphType
{
    static abstract string GraphTypeName { get; }
}
