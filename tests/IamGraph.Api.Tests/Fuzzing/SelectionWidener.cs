using GraphQL.Types;

namespace IamGraph.Api.Tests.Fuzzing;

/// <summary>
/// The same document with every leaf field (without required arguments) of each selected object added where it is not selected
/// already. Its answer holds the original answer unchanged, unless what a resolver loads depends on its siblings' selection
/// (a projection that forgets a column the resolver reads answers defaults or nulls).
/// </summary>
public static class SelectionWidener
{
    public static FuzzDocument Widen(FuzzDocument document, ISchema schema) =>
        new(Widen(document.Selections, schema.Query!, schema));

    private static List<FuzzSelection> Widen(IReadOnlyList<FuzzSelection> selections, IComplexGraphType type, ISchema schema)
    {
        var result = selections.Select(s => s switch
        {
            FieldSelection { Children.Count: > 0 } field when type.GetField(field.Name) is { } definition =>
                field with { Children = Widen(field.Children, (IComplexGraphType)Named(definition.ResolvedType!), schema) },
            InlineFragment inline => inline with { Children = Widen(inline.Children, TypeOf(inline.TypeCondition, type, schema), schema) },
            FragmentSpread spread => spread with { Children = Widen(spread.Children, TypeOf(spread.TypeCondition, type, schema), schema) },
            _ => s,
        }).ToList();
        if (type == schema.Query)
        {
            return result;
        }
        var used = ResponseNames(result).ToHashSet(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            var required = field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType && a.DefaultValue is null) == true;
            if (!required && Named(field.ResolvedType!) is ScalarGraphType or EnumerationGraphType && used.Add(field.Name))
            {
                result.Add(new FieldSelection(null, field.Name, [], []));
            }
        }
        return result;
    }

    private static IEnumerable<string> ResponseNames(IEnumerable<FuzzSelection> selections) => selections.SelectMany(s => s switch
    {
        FieldSelection field => [field.Alias ?? field.Name],
        InlineFragment inline => ResponseNames(inline.Children),
        FragmentSpread spread => ResponseNames(spread.Children),
        _ => [],
    });

    private static IComplexGraphType TypeOf(string? condition, IComplexGraphType parent, ISchema schema) =>
        condition is null ? parent : (IComplexGraphType)schema.AllTypes[condition]!;

    private static IGraphType Named(IGraphType type) => type switch
    {
        NonNullGraphType n => Named(n.ResolvedType!),
        ListGraphType l => Named(l.ResolvedType!),
        _ => type,
    };
}
