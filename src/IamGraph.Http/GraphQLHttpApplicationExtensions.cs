using IamGraph.Http.Authentication;
using IamGraph.Http.BananaCakePop;
using IamGraph.Http.Health;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IamGraph.Http;

/// <summary>Pipeline wiring: one call for the whole HTTP layer, or the pieces on their own.</summary>
public static class GraphQLHttpApplicationExtensions
{
    /// <summary>
    /// CORS, the IDE (when enabled), routing, bearer tokens, the GraphQL endpoint at <paramref name="path"/>, /healthz and /readyz,
    /// in the order they must run. Call it before any other endpoint mapping.
    /// </summary>
    public static WebApplication UseIamGraphHttp(this WebApplication app, string path = "/graphql")
    {
        app.UseCors(GraphQLHttpServiceCollectionExtensions.CorsPolicyName);
        if (app.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.EnableIde)
        {
            app.UseBananaCakePop(path);
        }

        // Explicit, after the static files: otherwise routing claims `/graphql/` for the endpoint.
        app.UseRouting();
        app.UseIamGraphBearerTokens(path);
        app.MapIamGraphEndpoint(path);
        app.MapIamGraphHealth();
        return app;
    }

    /// <summary>Maps the GraphQL endpoint alone; every HTTP method reaches it so others get a proper 405.</summary>
    public static IEndpointConventionBuilder MapIamGraphEndpoint(this IEndpointRouteBuilder endpoints, string path = "/graphql") =>
        endpoints.Map(path, static context => context.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context));
}
