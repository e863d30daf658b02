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
        complexity.DefaultComplexityImpactDelegate = context =>
            IsIntrospectionRoot(context) ? new FieldComplexityResult(0, 0) : inner(context);
        return complexity;
    }

    private static bool IsIntrospectionRoot(FieldImpactContext context) =>
        context.FieldDefinition == context.ValidationContext.Schema.SchemaMetaFieldType
        || context.FieldDefinition == context.ValidationContext.Schema.TypeMetaFieldType;
}
