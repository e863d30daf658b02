using GraphQL;

namespace IamGraph.Api.Common;

public static class ResolveFieldContextExtensions
{
    /// <summary>The request's DI scope, where the DataLoaders live; the host must pass it as <c>ExecutionOptions.RequestServices</c>.</summary>
    public static IServiceProvider RequestServicesOrThrow(this IResolveFieldContext context) =>
        context.RequestServices ?? throw new InvalidOperationException(
            "ExecutionOptions.RequestServices is not set: execute IamGraphSchema with the request's service scope (e.g. HttpContext.RequestServices).");
}
