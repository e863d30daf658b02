using System.Text.Json;

using GraphQL.Types;

namespace IamGraph.Api.Tests.Fuzzing;

/// <summary>
/// Reads a root connection of a generated document back whole (every row, every leaf of each node), to check the page and the
/// filter it answered against what they must be: a page is Relay's slice of the whole, and a weaker filter matches a superset.
/// </summary>
public sealed class ConnectionOracles(FuzzExecutor executor, ISchema schema, int maxPageSize, int defaultPageSize)
{
    private static readonly string[] PagingArguments = ["first", "last", "after", "before"];

    /// <summary>The document's root fields that are connections (have a <c>nodes</c> field), with their node type.</summary>
    public IEnumerable<(FieldSelection Field, IComplexGraphType Node)> RootConnections(FuzzDocument document)
    {
        foreach (var field in document.Selections.OfType<FieldSelection>())
        {
            if (schema.Query!.GetField(field.Name) is { } definition
                && Named(definition.ResolvedType!) is IComplexGraphType connection
                && connection.GetField("nodes") is { } nodes)
            {
                yield return (field, (IComplexGraphType)Named(nodes.ResolvedType!));
            }
        }
    }

    /// <summary>
    /// The nodes (each as its JSON with every leaf) the field answers with <paramref name="arguments"/>; all of them when
    /// <paramref name="whole"/> (paging arguments replaced by <c>first: max</c>); null when the answer has errors.
    /// </summary>
    public async Task<List<string>?> NodesAsync(FieldSelection field, IComplexGraphType node, IReadOnlyList<FuzzArgument> arguments, bool whole)
    {
        IReadOnlyList<FuzzArgument> used = whole
            ? [.. arguments.Where(a => !PagingArguments.Contains(a.Name)), new FuzzArgument("first", new IntValue(maxPageSize))]
            : arguments;
        var leaves = node.Fields.Where(f => Named(f.ResolvedType!) is ScalarGraphType or EnumerationGraphType && (f.Arguments?.Count ?? 0) == 0)
            .Select(f => (FuzzSelection)new FieldSelection(null, f.Name, [], [])).ToList();
        var probe = new FuzzDocument([new FieldSelection(null, field.Name, [.. used.Select(a => a with { VariableType = null })], [new FieldSelection(null, "nodes", [], leaves)])]);
        var answer = await executor.ExecuteAsync(probe.Print());
        if (answer.HasErrors)
        {
            return null;
        }
        var nodes = JsonDocument.Parse(answer.Json!).RootElement.GetProperty("data").GetProperty(field.Name).GetProperty("nodes");
        var rows = nodes.EnumerateArray().Select(n => n.GetRawText()).ToList();
        return whole && rows.Count >= maxPageSize ? null : rows; // a catalogue larger than one page cannot be read whole here
    }

    /// <summary>Relay's slice of <paramref name="all"/> for the paging arguments (after/before, then first, then last), or null for an argument it cannot read.</summary>
    public List<string>? Slice(List<string> all, IReadOnlyList<FuzzArgument> arguments)
    {
        long start = 0;
        long end = all.Count;
        int? first = null;
        int? last = null;
        foreach (var argument in arguments)
        {
            switch (argument.Name, argument.Value)
            {
                case (_, NullValue):
                    break;
                case ("first", IntValue f):
                    first = f.Value;
                    break;
                case ("last", IntValue l):
                    last = l.Value;
                    break;
                case ("after", StringValue a) when Offset(a.Value) is long after:
                    start = after + 1;
                    break;
                case ("before", StringValue b) when Offset(b.Value) is long before:
                    end = Math.Min(end, before);
                    break;
                case ("after" or "before" or "first" or "last", _):
                    return null;
            }
        }
        start = Math.Min(start, all.Count);
        var window = all.Skip((int)start).Take((int)Math.Max(0, end - start)).ToList();
        if (first is null && last is null)
        {
            first = defaultPageSize;
        }
        if (first is int f2)
        {
            window = [.. window.Take(f2)];
        }
        if (last is int l2)
        {
            window = [.. window.TakeLast(l2)];
        }
        return window;
    }

    /// <summary>The offset a cursor stands for (base64 of the decimal index), or null when it is not one.</summary>
    private static long? Offset(string cursor)
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, out var offset) && offset <= int.MaxValue ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IGraphType Named(IGraphType type) => type switch
    {
        NonNullGraphType n => Named(n.ResolvedType!),
        ListGraphType l => Named(l.ResolvedType!),
        _ => type,
    };
}

/// <summary>
/// One-step edits of a <c>where</c> value whose effect on the result is known without knowing the data: removing a conjunct
/// (an input field, an <c>and</c> item, a <c>nin</c> item) weakens the filter, so the rows are a superset; removing a disjunct
/// (an <c>or</c>, <c>in</c> or <c>ini</c> item, keeping at least one <c>or</c> item) strengthens it, so a subset; replacing a
/// filter or an <c>and</c>/<c>or</c> item by <c>{}</c> (which matches everything) weakens it. Inside <c>none</c> the direction
/// flips; <c>some</c>, <c>all</c>, references and operators keep it.
/// </summary>
public static class FilterEdits
{
    /// <param name="Superset">True when the edited filter must match every row the original matches; false for a subset.</param>
    public sealed record Edit(FuzzValue Where, bool Superset, string Description);

    public static IEnumerable<Edit> Of(FuzzValue where) => Edits(where, positive: true, "where");

    private static IEnumerable<Edit> Edits(FuzzValue value, bool positive, string path)
    {
        if (value is not ObjectValue filter)
        {
            yield break;
        }
        for (var i = 0; i < filter.Fields.Count; i++)
        {
            var field = filter.Fields[i];
            var at = $"{path}.{field.Name}";
            yield return new Edit(Without(filter, i), positive, $"removed {at}");
            if (field.Value is ObjectValue { Fields.Count: > 0 } && field.Name is not ("some" or "none" or "all"))
            {
                // An empty filter matches everything (as an absent one does), so it weakens whatever it replaces.
                yield return new Edit(With(filter, i, new ObjectValue([])), positive, $"emptied {at}");
            }
            if (field.Value is ListValue list && field.Name is "and" or "or" or "in" or "nin" or "ini")
            {
                for (var j = 0; j < list.Items.Count; j++)
                {
                    if (field.Name != "or" || list.Items.Count > 1)
                    {
                        var weaker = field.Name is "and" or "nin";
                        yield return new Edit(With(filter, i, new ListValue([.. list.Items.Take(j), .. list.Items.Skip(j + 1)])), weaker ? positive : !positive, $"removed {at}[{j}]");
                    }
                    if (field.Name is "and" or "or" && list.Items[j] is ObjectValue { Fields.Count: > 0 })
                    {
                        yield return new Edit(With(filter, i, new ListValue([.. list.Items.Take(j), new ObjectValue([]), .. list.Items.Skip(j + 1)])), positive, $"emptied {at}[{j}]");
                    }
                    if (field.Name is "and" or "or")
                    {
                        var item = j;
                        foreach (var inner in Edits(list.Items[j], positive, $"{at}[{j}]"))
                        {
                            yield return inner with { Where = With(filter, i, new ListValue([.. list.Items.Take(item), inner.Where, .. list.Items.Skip(item + 1)])) };
                        }
                    }
                }
            }
            else
            {
                foreach (var inner in Edits(field.Value, field.Name == "none" ? !positive : positive, at))
                {
                    yield return inner with { Where = With(filter, i, inner.Where) };
                }
            }
        }
    }

    private static ObjectValue Without(ObjectValue filter, int index) => new([.. filter.Fields.Take(index), .. filter.Fields.Skip(index + 1)]);

    private static ObjectValue With(ObjectValue filter, int index, FuzzValue value) =>
        new([.. filter.Fields.Take(index), filter.Fields[index] with { Value = value }, .. filter.Fields.Skip(index + 1)]);
}
