using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;

using IamGraph.Api.Actions;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Policies;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;
using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the schema, its graph types, the request-scoped DataLoaders and a pooled, no-tracking
    /// <see cref="IDbContextFactory{CatalogDbContext}"/> (sibling fields resolve in parallel; a shared context would throw).
    /// <paramref name="configureGraphQL"/> lets the host add serializers, complexity limits and the like to the same builder.
    /// </summary>
    public static IServiceCollection AddIamGraphApi(this IServiceCollection services, Action<ApiOptions>? configure = null, Action<IGraphQLBuilder>? configureGraphQL = null)
    {
        var options = new ApiOptions();
        configure?.Invoke(options);
        if (options.ConfigureDbContext is null && options.ConnectionString is null)
        {
            throw new InvalidOperationException("ApiOptions needs a ConnectionString or ConfigureDbContext.");
        }
        if (options.DefaultPageSize < 1 || options.MaxPageSize < options.DefaultPageSize)
        {
            throw new InvalidOperationException("ApiOptions needs 1 <= DefaultPageSize <= MaxPageSize.");
        }
        services.AddSingleton(options);

        services.AddPooledDbContextFactory<CatalogDbContext>(builder =>
        {
            if (options.ConfigureDbContext is { } configureDb)
            {
                configureDb(builder);
            }
            else
            {
                builder.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly(CatalogDatabase.SqliteMigrationsAssembly));
            }
            builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        });

        services.AddScoped<PolicyActionsDataLoader>();
        services.AddScoped<PolicyServicesDataLoader>();
        services.AddScoped<PolicyRolesDataLoader>();
        services.AddScoped<PolicyByIdDataLoader>();
        services.AddScoped<ActionPoliciesDataLoader>();
        services.AddScoped<ActionRolesDataLoader>();
        services.AddScoped<ActionByIdDataLoader>();
        services.AddScoped<ServiceActionsDataLoader>();
        services.AddScoped<ServicePoliciesDataLoader>();
        services.AddScoped<ServiceRolesDataLoader>();
        services.AddScoped<ServiceByIdDataLoader>();
        services.AddScoped<RolePoliciesDataLoader>();
        services.AddScoped<RoleActionsDataLoader>();
        services.AddScoped<RoleServicesDataLoader>();
        services.AddScoped<RoleByIdDataLoader>();
        services.AddScoped<ActionGrantsDataLoader>();
        services.AddScoped<ActionMatchesDataLoader>();
        services.AddScoped<ActionMatchedByDataLoader>();
        services.AddScoped<ActionVariantsDataLoader>();
        services.AddScoped<ServiceVariantsDataLoader>();
        services.AddScoped<PolicyEffectiveActionsDataLoader>();
        services.AddScoped<RoleEffectiveActionsDataLoader>();

        // Closed generic connection/edge types are resolved from DI by the schema.
        services.AddSingleton(typeof(ConnectionGraphType<,>));
        services.AddSingleton(typeof(EdgeGraphType<,>));

        services.AddGraphQL(builder =>
        {
            builder
                .AddSchema<IamGraphSchema>()
                .AddGraphTypes(typeof(IamGraphSchema).Assembly)
                .AddSystemTextJson()
                .AddValidationRule<PageSizeValidationRule>()
                // Resolvers are CPU-bound over a local SQLite file: running sibling fields as parallel tasks only adds
                // overhead on large lists. DataLoader results are still collected per level and batched.
                .AddExecutionStrategy<SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query);
            configureGraphQL?.Invoke(builder);
        });
        return services;
    }
}
