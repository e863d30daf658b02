using GraphQL.Validation.Complexity;

namespace IamGraph.Http.Limits;

/// <summary>Builds GraphQL.NET's complexity-analyzer options from <see cref="GraphQLHttpOptions"/>.</summary>
/// <remarks>
/// Introspection is priced by the schema, not here: a schema served behind the endpoint calls
/// <c>this.WithIntrospectionComplexityImpact(0)</c> (IamGraphSchema does), or the IDE's full introspection query (~130k) never loads.
/// </remarks>
public static class ComplexityOptionsFactory
{
    public static ComplexityOptions Create(GraphQLHttpOptions options)
    {
        var complexity = new ComplexityOptions
        {
            MaxDepth = options.MaxDepth,
            MaxComplexity = options.MaxComplexity,
            DefaultListImpactMultiplier = options.AssumedListSize,
        };

        Func<FieldImpactContext, FieldComplexityResult> inner = complexity.DefaultComplexityImpactDelegate;
        var filterCost = new FilterCost(options.FilterRelationSizes.AsReadOnly(), options.AssumedListSize);
        complexity.DefaultComplexityImpactDelegate = context => WithFilterCost(context, inner(context), filterCost);
        return complexity;
    }

    /// <summary>
    /// A field's <c>where:</c> costs the rows its relations could visit per row tested (<see cref="FilterCost"/>), on top of
    /// the field itself; like the field, it counts again for every row of the lists around it.
    /// </summary>
    private static FieldComplexityResult WithFilterCost(FieldImpactContext context, FieldComplexityResult result, FilterCost filterCost)
    {
        if (context.Arguments?.TryGetValue(FilterCost.ArgumentName, out var where) != true
            || context.FieldDefinition.Arguments?.Find(FilterCost.ArgumentName) is not { } argument)
        {
            return result;
        }

        return new FieldComplexityResult(result.FieldImpact + filterCost.Of(where.Value, argument.ResolvedType), result.ChildImpactMultiplier);
    }
}
