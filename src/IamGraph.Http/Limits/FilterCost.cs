using GraphQL;
using GraphQL.Types;

namespace IamGraph.Http.Limits;

/// <summary>
/// Prices a HotChocolate-style <c>where:</c> argument for the complexity analyzer, by its shape. A quantifier
/// (<c>some</c>/<c>none</c>/<c>all</c>/<c>any</c>) over a relation tests each row against up to the relation's size of
/// related rows, and one nested inside another does so for each of those: a quantifier costs the product of the sizes
/// of the relations on its path, and a filter the sum over its quantifiers. Comparisons of a row's own columns cost
/// nothing. Without this, a short filter nesting four quantifiers over the large relations priced like a plain list and
/// ran for minutes.
/// </summary>
/// <param name="relationSizes">Size of a relation by its filter field name (e.g. <c>effectiveActions</c>).</param>
/// <param name="defaultRelationSize">Size of every other relation.</param>
public sealed class FilterCost(IReadOnlyDictionary<string, double> relationSizes, double defaultRelationSize)
{
    /// <summary>The argument that holds a connection's filter, by HotChocolate's convention.</summary>
    public const string ArgumentName = "where";

    /// <summary>The cost of filter <paramref name="value"/> (a coerced argument value) of input type <paramref name="type"/>.</summary>
    public double Of(object? value, IGraphType? type) => Of(value, type, 1);

    private double Of(object? value, IGraphType? type, double rowsPerTestedRow)
    {
        if (value is not IDictionary<string, object?> fields || type?.GetNamedType() is not IInputObjectGraphType input)
        {
            return 0;
        }

        double cost = 0;
        foreach ((string name, object? fieldValue) in fields)
        {
            if (fieldValue is null || input.GetField(name) is not { } field)
            {
                continue;
            }

            IGraphType? fieldType = field.ResolvedType?.GetNamedType();
            if (fieldValue is IEnumerable<object?> items)
            {
                // and/or: each branch is tested.
                foreach (object? item in items)
                {
                    cost += Of(item, fieldType, rowsPerTestedRow);
                }
            }
            else if (fieldType is IInputObjectGraphType quantifiers && IsRelation(quantifiers) && fieldValue is IDictionary<string, object?> operations)
            {
                double rows = rowsPerTestedRow * (relationSizes.TryGetValue(name, out double size) ? size : defaultRelationSize);
                foreach ((string operation, object? predicate) in operations)
                {
                    if (predicate is not null)
                    {
                        cost += rows + Of(predicate, quantifiers.GetField(operation)?.ResolvedType, rows);
                    }
                }
            }
            else
            {
                // A to-one reference (`service: { ... }`) or a column's operations: no more rows per tested row.
                cost += Of(fieldValue, fieldType, rowsPerTestedRow);
            }
        }

        return cost;
    }

    /// <summary>HotChocolate's list filter input: <c>some</c>, <c>none</c>, <c>all</c> (and <c>any</c>).</summary>
    private static bool IsRelation(IInputObjectGraphType type) => type.GetField("some") is not null && type.GetField("all") is not null;
}
