using GraphQL.Validation.Complexity;

namespace IamGraph.Http.Limits;

/// <summary>Builds GraphQL.NET's complexity-analyzer options from <see cref="GraphQLHttpOptions"/>.</summary>
/// <remarks>
/// Introspection is priced by the schema, not here: a schema served behind the endpoint calls
/// <c>this.WithIntrospectionComplexityImpact(0)</c> (IamGraphSchema does), or the IDE's full introspection query (~130k) never loads.
/// </remarks>
public static class ComplexityOptionsFactory
{
    public static ComplexityOptions Create(GraphQLHttpOptions options) => new()
    {
        MaxDepth = options.MaxDepth,
        MaxComplexity = options.MaxComplexity,
        DefaultListImpactMultiplier = options.AssumedListSize,
    };
}
