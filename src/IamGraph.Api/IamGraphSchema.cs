using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace IamGraph.Api;

/// <summary>The schema; built once (singleton), never per request.</summary>
public sealed class IamGraphSchema : Schema
{
    public IamGraphSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Query = query;
        // IDEs' introspection query is large (~130k); it must not count against MaxComplexity. The one place that says so,
        // for every host: the HTTP endpoint's limits and a host's own AddComplexityAnalyzer alike.
        this.WithIntrospectionComplexityImpact(0);
    }

    /// <summary>The SDL committed as <c>src/IamGraph.Api/schema.graphql</c>.</summary>
    public string PrintSdl() => this.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
}
