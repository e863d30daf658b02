using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

using GraphQLParser.AST;

namespace IamGraph.Api.Common.Introspection;

/// <summary>
/// The current spec's introspection, what graphql-js's <c>getIntrospectionQuery</c> sends with every option on (schema tools
/// and codegen configured for the 2021 spec and later). GraphQL.NET 8 serves most of it behind <see cref="Schema.Features"/>
/// (<c>isRepeatable</c>, <c>includeDeprecated</c> on <c>__Field.args</c> and <c>__Type.inputFields</c>, <c>isDeprecated</c> on
/// <c>__InputValue</c>, <c>isOneOf</c>); this adds the two pieces it lacks, to its own introspection types before they initialize.
/// </summary>
public static class CurrentSpecIntrospection
{
    public static void Enable(Schema schema)
    {
        schema.Features.RepeatableDirectives = true;
        schema.Features.DeprecationOfInputValues = true;
        schema.Directives.Register(new SpecifiedByDirective(), new OneOfDirective());
    }

    /// <summary>The spec's directives GraphQL.NET 8 does not define; like graphql-js, the committed SDL leaves them out.</summary>
    public static bool IsSpecDirective(string name) => name is "specifiedBy" or "oneOf";

    /// <summary>Call from <c>Schema.OnBeforeInitializeType</c>.</summary>
    public static void Complete(IGraphType graphType)
    {
        switch (graphType)
        {
            case __Type type when type.GetField("specifiedByURL") is null:
                type.Field<StringGraphType>("specifiedByURL")
                    .Resolve(context => context.Source is ScalarGraphType scalar ? scalar.GetMetadata<string?>(SpecifiedByDirective.UrlMetadataKey) : null);
                break;
            case __Directive directive when directive.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null:
                // Like __Field.args: deprecated arguments only when asked for.
                args.Arguments ??= new QueryArguments();
                args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
                var all = args.Resolver ?? throw new InvalidOperationException("__Directive.args has no resolver.");
                args.Resolver = new FuncFieldResolver<object?>(async context =>
                {
                    var arguments = await all.ResolveAsync(context).ConfigureAwait(false);
                    return context.GetArgument<bool>("includeDeprecated") || arguments is not IEnumerable<QueryArgument> list
                        ? arguments
                        : list.Where(argument => argument.DeprecationReason is null).ToList();
                });
                break;
        }
    }
}

/// <summary>
/// <c>@specifiedBy(url:)</c>, the spec's directive for a custom scalar's specification, which GraphQL.NET 8 does not define.
/// The schema has no custom scalar; declared so that introspection lists every built-in directive clients expect.
/// </summary>
public sealed class SpecifiedByDirective : Directive
{
    /// <summary>Where a scalar keeps its URL (<c>scalar.WithMetadata(UrlMetadataKey, url)</c>), read by <c>__Type.specifiedByURL</c>.</summary>
    public const string UrlMetadataKey = "IamGraph.SpecifiedByURL";

    public SpecifiedByDirective()
        : base("specifiedBy", DirectiveLocation.Scalar)
    {
        Description = "Exposes a URL that specifies the behavior of this scalar.";
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "url", Description = "The URL that specifies the behavior of this scalar." });
    }

    public override bool? Introspectable => true;
}

/// <summary>
/// <c>@oneOf</c>: exactly one field of the input object is given, and not null. GraphQL.NET 8 enforces it for an input type with
/// <c>IsOneOf</c> and reports <c>__Type.isOneOf</c>, but does not declare the directive; declared so introspection lists it.
/// </summary>
public sealed class OneOfDirective : Directive
{
    public OneOfDirective()
        : base("oneOf", DirectiveLocation.InputObject)
    {
        Description = "Indicates exactly one field must be supplied and this field must not be `null`.";
    }

    public override bool? Introspectable => true;
}
