using System.Collections;

using GraphQL;

using GraphQLParser.AST;

namespace IamGraph.Api.Common.Sorting;

/// <summary>One key of <c>order:</c>: the fields that lead to a column (<c>["service", "name"]</c>) and the direction.</summary>
public sealed record SortKey(IReadOnlyList<string> Path, bool Descending);

/// <summary>
/// Reads <c>order:</c> as written. <c>order: { actionCount: DESC, name: ASC }</c> sorts by actionCount, then name, as
/// HotChocolate does; but GraphQL.NET hands an input object over as a dictionary in the input type's field order, whether it
/// came as a literal or a variable. So the keys' order is taken from what the client wrote: the document's object literals,
/// and, for a variable, the request's raw variable values (a JSON object read into a dictionary in document order) or the
/// variable's default. Where that is out of reach (a host passing variables as something else than dictionaries), an object
/// with several keys is refused, never sorted in an order the client did not write.
/// </summary>
public static class SortKeys
{
    public const string ArgumentName = "order";

    public static IReadOnlyList<SortKey> Read(IResolveFieldContext context)
    {
        var keys = new List<SortKey>();
        if (context.GetArgument<object?>(ArgumentName) is { } order)
        {
            var written = Resolve(context, context.FieldAst.Arguments?.ValueFor(ArgumentName));
            var items = order is IDictionary<string, object?> single ? [single] : ((IEnumerable)order).Cast<object?>().ToList();
            var writtenItems = ListItems(written);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is IDictionary<string, object?> item)
                {
                    Object(context, item, writtenItems?.Count == items.Count ? writtenItems[i] : null, [], keys);
                }
            }
        }
        return keys;
    }

    private static void Object(IResolveFieldContext context, IDictionary<string, object?> item, object? written, List<string> path, List<SortKey> keys)
    {
        var names = Fields(Resolve(context, written));
        if (names is null)
        {
            var given = item.Where(e => e.Value is not null).ToList();
            if (given.Count > 1)
            {
                throw new ExecutionError(
                    $"The order of the keys {string.Join(", ", given.Select(e => string.Join(".", [.. path, e.Key])))} in one sort object cannot be read " +
                    "from this request; give one key per object: order: [{ a: ASC }, { b: DESC }].")
                { Code = ErrorCodes.InvalidFilter };
            }
            names = [.. given.Select(e => (e.Key, (object?)null))];
        }
        foreach (var (name, writtenValue) in names)
        {
            if (!item.TryGetValue(name, out var value) || value is null)
            {
                continue;
            }
            path.Add(name);
            if (value is IDictionary<string, object?> nested)
            {
                Object(context, nested, writtenValue, path, keys);
            }
            else
            {
                keys.Add(new SortKey([.. path], value is SortEnumType.Desc || "DESC".Equals(value as string, StringComparison.Ordinal)));
            }
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>A variable becomes the value the request gave it (raw, in the order written) or its default (a literal).</summary>
    private static object? Resolve(IResolveFieldContext context, object? written)
    {
        if (written is not GraphQLVariable variable)
        {
            return written;
        }
        var name = variable.Name.StringValue;
        if (context.ExecutionContext.ExecutionOptions.Variables is { } inputs && inputs.TryGetValue(name, out var raw))
        {
            return raw;
        }
        return context.Operation.Variables?.Items.FirstOrDefault(v => v.Variable.Name.StringValue == name)?.DefaultValue;
    }

    /// <summary>The field names of an object as written, with what was written for each; null when that cannot be known.</summary>
    private static List<(string Name, object? Written)>? Fields(object? written) => written switch
    {
        GraphQLObjectValue literal => [.. (literal.Fields ?? []).Select(f => (f.Name.StringValue, (object?)f.Value))],
        // Dictionary<,> (what GraphQL.NET's JSON readers build) enumerates in insertion order, that is the order of the JSON text.
        Dictionary<string, object?> raw => [.. raw.Select(e => (e.Key, e.Value))],
        _ => null,
    };

    private static List<object?>? ListItems(object? written) => written switch
    {
        GraphQLListValue literal => [.. (literal.Values ?? []).Cast<object?>()],
        // One object where a list is expected is a list of one (input coercion).
        GraphQLObjectValue or GraphQLVariable or IDictionary<string, object?> => [written],
        IEnumerable raw and not string => [.. raw.Cast<object?>()],
        _ => null,
    };
}
