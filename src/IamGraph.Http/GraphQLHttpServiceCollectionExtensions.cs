using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

using IamGraph.Http.Authentication;
using IamGraph.Http.Health;
using IamGraph.Http.Limits;
using IamGraph.Http.Serving;

using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IamGraph.Http;

/// <summary>Service registration for the HTTP layer. The schema itself is registered with services.AddGraphQL(...).</summary>
public static class GraphQLHttpServiceCollectionExtensions
{
    /// <summary>Key of the serializer the endpoint writes with; its own, so error masking does not depend on registration order.</summary>
    public const string SerializerKey = "IamGraph.Http";

    public const string CorsPolicyName = "IamGraph.Http";

    /// <summary>
    /// Registers the endpoint with options bound from the `GraphQL` section of <paramref name="configuration"/>, and bearer
    /// tokens from `Auth:Jwt` (<see cref="BearerTokenAuthentication"/>).
    /// </summary>
    public static IServiceCollection AddIamGraphHttp(this IServiceCollection services, IConfiguration configuration) =>
        services.AddIamGraphHttp(options => configuration.GetSection(GraphQLHttpOptions.SectionName).Bind(options))
            .AddIamGraphTelemetry(configuration)
            .AddIamGraphBearerTokens(configuration);

    /// <summary>Registers the endpoint with options set in code (defaults are safe).</summary>
    public static IServiceCollection AddIamGraphHttp(this IServiceCollection services, Action<GraphQLHttpOptions>? configure = null)
    {
        services.AddOptions<GraphQLHttpOptions>()
            .Configure(options => configure?.Invoke(options))
            .Validate(GraphQLHttpOptionsValidation.IsValid, GraphQLHttpOptionsValidation.Message)
            .ValidateOnStart();

        services.AddKeyedSingleton<IGraphQLTextSerializer>(SerializerKey, (sp, _) =>
        {
            bool expose = sp.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.ExposeExceptionDetails;
            return ClientErrorSerializer.Create(expose);
        });
        services.AddSingleton<ExecutionLimits>();
        // Without AddIamGraphBearerTokens the options say "not configured" and every caller is anonymous.
        services.AddOptions<BearerTokenOptions>();
        services.TryAddSingleton<FailedAuthenticationLimiter>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<PersistedDocumentStore>();
        services.AddSingleton<ServingCaches>();
        services.AddSingleton<GraphQLTelemetry>();
        services.TryAddSingleton<ServedDataVersion>();
        services.TryAddSingleton<ICacheScopeResolver, PublicCacheScopeResolver>();
        services.TryAddSingleton(new TelemetryOptions());
        services.AddMetrics();
        services.AddIamGraphExecutionQueue();

        services.AddHealthChecks();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<GraphQLHttpOptions>>((cors, http) =>
            cors.AddPolicy(CorsPolicyName, policy =>
            {
                // Never credentials: the API is public, and `*` with credentials is refused by browsers anyway.
                if (http.Value.CorsOrigins.Count == 0)
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins([.. http.Value.CorsOrigins]);
                }

                policy.WithMethods("GET", "POST").AllowAnyHeader();
            }));
        return services;
    }

    /// <summary>Adds a check that /readyz runs (e.g. "database reachable"); every registered check must pass.</summary>
    public static IServiceCollection AddIamGraphReadinessCheck<TCheck>(this IServiceCollection services, string name)
        where TCheck : class, IHealthCheck
    {
        services.AddHealthChecks().AddCheck<TCheck>(name, HealthStatus.Unhealthy, [HealthEndpoints.ReadinessTag], HealthEndpoints.CheckTimeout);
        return services;
    }
}
