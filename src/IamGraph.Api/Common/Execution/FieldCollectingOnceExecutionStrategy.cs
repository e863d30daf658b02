using GraphQL.Execution;
using GraphQL.Types;

using GraphQLParser.AST;

using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace IamGraph.Api.Common.Execution;

/// <summary>
/// <see cref="SerialExecutionStrategy"/> that collects an object's sub-fields once per request for each (object type,
/// selection set) rather than once per object: a list of 1,223 actions each selecting <c>name service { name }</c> otherwise
/// walks the same selection set and looks the same fields up by name in the type (a linear search) 2,446 times. The result
/// depends only on the type, the selection set and the request's @skip/@include values, so an instance serves one request
/// (<see cref="PerRequestExecutionStrategySelector"/>). Not locked: the serial strategy visits one node at a time (awaits
/// may move the request between threads, never run two of its nodes at once).
/// </summary>
public sealed class FieldCollectingOnceExecutionStrategy : SerialExecutionStrategy
{
    private readonly Dictionary<(IGraphType, GraphQLSelectionSet), (GraphQLField Field, FieldType Definition)[]> _collected = [];

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        if (parent.SelectionSet is not { } selectionSet)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var parentType = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        if (!_collected.TryGetValue((parentType, selectionSet), out var fields))
        {
            fields = [.. CollectFieldsFrom(context, parentType, selectionSet, null).Values];
            _collected[(parentType, selectionSet)] = fields;
        }
        var subFields = new ExecutionNode[fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            var (field, fieldDefinition) = fields[i];
            subFields[i] = BuildExecutionNode(parent, fieldDefinition.ResolvedType!, field, fieldDefinition);
        }
        parent.SubFields = subFields;
    }
}

/// <summary>
/// A fresh <see cref="FieldCollectingOnceExecutionStrategy"/> for each query (it keeps that request's collected fields);
/// GraphQL.NET's defaults for mutations and subscriptions.
/// </summary>
public sealed class PerRequestExecutionStrategySelector : IExecutionStrategySelector
{
    public IExecutionStrategy Select(ExecutionContext context) => context.Operation.Operation switch
    {
        OperationType.Query => new FieldCollectingOnceExecutionStrategy(),
        OperationType.Mutation => SerialExecutionStrategy.Instance,
        _ => SubscriptionExecutionStrategy.Instance,
    };
}
