using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;

using GraphQLParser.AST;

using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace IamGraph.Api.Common.Execution;

/// <summary>
/// <see cref="SerialExecutionStrategy"/> that collects an object's sub-fields once per request for each (object type,
/// selection set) rather than once per object: a list of 1,223 actions each selecting <c>name service { name }</c> otherwise
/// walks the same selection set and looks the same fields up by name in the type (a linear search) 2,446 times. The result
/// depends only on the type, the selection set and the request's @skip/@include values, so it is kept for one request only.
/// </summary>
public sealed class FieldCollectingOnceExecutionStrategy : SerialExecutionStrategy
{
    private static readonly ConditionalWeakTable<ExecutionContext, CollectedFields> Requests = new();

    public override async Task<ExecutionResult> ExecuteAsync(ExecutionContext context)
    {
        Requests.AddOrUpdate(context, new CollectedFields());
        try
        {
            return await base.ExecuteAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Requests.Remove(context);
        }
    }

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        if (parent.SelectionSet is not { } selectionSet || !Requests.TryGetValue(context, out var collected))
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var parentType = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        if (!collected.TryGet(parentType, selectionSet, out var fields))
        {
            fields = [.. CollectFieldsFrom(context, parentType, selectionSet, null).Values];
            collected.Set(parentType, selectionSet, fields);
        }
        var subFields = new ExecutionNode[fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            var (field, fieldDefinition) = fields[i];
            subFields[i] = BuildExecutionNode(parent, fieldDefinition.ResolvedType!, field, fieldDefinition);
        }
        parent.SubFields = subFields;
    }

    /// <summary>One request's collected fields; locked because nothing promises every caller runs on one thread.</summary>
    private sealed class CollectedFields
    {
        private readonly Dictionary<(IGraphType, GraphQLSelectionSet), (GraphQLField Field, FieldType Definition)[]> _byTypeAndSelection = [];

        public bool TryGet(IGraphType type, GraphQLSelectionSet selectionSet, [NotNullWhen(true)] out (GraphQLField Field, FieldType Definition)[]? fields)
        {
            lock (_byTypeAndSelection)
            {
                return _byTypeAndSelection.TryGetValue((type, selectionSet), out fields);
            }
        }

        public void Set(IGraphType type, GraphQLSelectionSet selectionSet, (GraphQLField Field, FieldType Definition)[] fields)
        {
            lock (_byTypeAndSelection)
            {
                _byTypeAndSelection[(type, selectionSet)] = fields;
            }
        }
    }
}
