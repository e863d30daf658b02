using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

using GraphQLParser.AST;
using GraphQLParser.Visitors;

using IamGraph.Api.Common.Introspection;

namespace IamGraph.Api;

/// <summary>The schema; built once (singleton), never per request.</summary>
public sealed class IamGraphSchema : Schema
{
    public IamGraphSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Query = query;
        CurrentSpecIntrospection.Enable(this);
        // IDEs' introspection query is large (~130k); it must not count against MaxComplexity. The one place that says so,
        // for every host: the HTTP endpoint's limits and a host's own AddComplexityAnalyzer alike.
        this.WithIntrospectionComplexityImpact(0);
    }

    /// <summary>
    /// The SDL committed as <c>src/IamGraph.Api/schema.graphql</c>. The spec's own directives are left out, as graphql-js's
    /// <c>printSchema</c> does (GraphQL.NET counts only skip, include and deprecated as built in). No input type is oneOf; one
    /// that is would print without <c>@oneOf</c> here, and the graphql-js round-trip test would say so.
    /// </summary>
    public string PrintSdl()
    {
        var document = this.ToAST();
        document.Definitions.RemoveAll(definition => definition is GraphQLDirectiveDefinition directive && CurrentSpecIntrospection.IsSpecDirective(directive.Name.StringValue));
        using var writer = new StringWriter();
        new SDLPrinter(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).PrintAsync(document, writer).AsTask().GetAwaiter().GetResult();
        return writer.ToString().ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        CurrentSpecIntrospection.Complete(graphType);
    }
}
