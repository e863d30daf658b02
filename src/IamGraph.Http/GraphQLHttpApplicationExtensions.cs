using IamGraph.Http.Authentication;
using IamGraph.Http.BananaCakePop;
using IamGraph.Http.Health;
using IamGraph.Http.Serving;

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
        GraphQLHttpOptions options = app.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;
        if (options.Concurrency.Enabled)
        {
            // After routing: only the GraphQL endpoint asks for the queue; the probes and the IDE never wait.
            app.UseRateLimiter();
        }

        app.MapIamGraphEndpoint(path).WithExecutionQueue(options);
        app.MapIamGraphHealth();
        app.MapIamGraphMetrics(app.Services.GetRequiredService<TelemetryOptions>());
        return app;
    }

    /// <summary>Maps the GraphQL endpoint alone; every HTTP method reaches it so others get a proper 405.</summary>
    public static IEndpointConventionBuilder MapIamGraphEndpoint(this IEndpointRouteBuilder endpoints, string path = "/graphql") =>
        endpoints.Map(path, static context => context.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context));
}
