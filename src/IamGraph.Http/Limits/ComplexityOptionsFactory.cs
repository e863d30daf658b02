using GraphQL.Validation.Complexity;

namespace IamGraph.Http.Limits;

/// <summary>Builds GraphQL.NET's complexity-analyzer options from <see cref="GraphQLHttpOptions"/>.</summary>
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

        // Introspection costs nothing, whatever schema sits behind the endpoint: the IDE's full
        // IntrospectionQuery would otherwise score ~130k and never load. Same effect as
        // schema.WithIntrospectionComplexityImpact(0), without needing the schema's cooperation.
        Func<FieldImpactContext, FieldComplexityResult> inner = complexity.DefaultComplexityImpactDelegate;
        var filterCost = new FilterCost(options.FilterRelationSizes.AsReadOnly(), options.AssumedListSize);
        complexity.DefaultComplexityImpactDelegate = context =>
            IsIntrospectionRoot(context) ? new FieldComplexityResult(0, 0) : WithFilterCost(context, inner(context), filterCost);
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

    private static bool IsIntrospectionRoot(FieldImpactContext context) =>
        context.FieldDefinition == context.ValidationContext.Schema.SchemaMetaFieldType
        || context.FieldDefinition == context.ValidationContext.Schema.TypeMetaFieldType;
}
