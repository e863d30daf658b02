using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;

using IamGraph.Api.Common;
using IamGraph.Api.Common.Authorization;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Execution;
using IamGraph.Api.Common.Paging;
using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the schema, its graph types, the request-scoped DataLoaders and a request-scoped
    /// <see cref="IDbContextFactory{CatalogDbContext}"/> over one pool of no-tracking contexts, each scoped to the caller's
    /// accounts: each loader or resolver leases its own for one query (a DbContext is not thread-safe).
    /// <paramref name="configureGraphQL"/> lets the host add serializers, complexity limits and the like to the same builder.
    /// </summary>
    public static IServiceCollection AddIamGraphApi(this IServiceCollection services, Action<ApiOptions>? configure = null, Action<IGraphQLBuilder>? configureGraphQL = null)
    {
        var options = new ApiOptions();
        configure?.Invoke(options);
        if (options.ConfigureDbContext is not { } configureDb)
        {
            throw new InvalidOperationException("ApiOptions needs ConfigureDbContext (the catalogue's provider and connection).");
        }
        if (options.DefaultPageSize < 1 || options.MaxPageSize < options.DefaultPageSize)
        {
            throw new InvalidOperationException("ApiOptions needs 1 <= DefaultPageSize <= MaxPageSize.");
        }
        services.AddSingleton(options);

        services.AddSingleton(sp =>
        {
            var db = new DbContextOptionsBuilder<CatalogDbContext>();
            configureDb(db);
            // EF Core logs where the host logs (command logs, warnings), as AddDbContext would arrange.
            db.UseApplicationServiceProvider(sp).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                // EF Core's concurrency detector sets an AsyncLocal twice per row read (a fifth of Q1's allocations). It
                // guards a context shared between threads; here every context is leased by one loader or resolver for
                // one query and returned.
                .EnableThreadSafetyChecks(false);
            return new CatalogContextPool(db.Options);
        });
        // Every context a request opens is scoped to the caller's accounts (Common/Authorization).
        services.AddScoped<RequestAccountScope>();
        services.AddScoped<IDbContextFactory<CatalogDbContext>, AccountScopedDbContextFactory>();

        // One loader per entity type and per relation shape, whatever the number of relations (each feature's *Relations class).
        services.AddScoped(typeof(ByIdDataLoader<>));
        services.AddScoped(typeof(RelationLoader<,,>));
        // Fields computed from several tables (a statement's strings, a version's changes, a policy's access summary).
        services.AddScoped<Policies.StatementActionsLoader>();
        services.AddScoped<Policies.VersionActionChangesLoader>();
        services.AddScoped<Analytics.AccessSummaryLoader>();
        services.AddScoped<Principals.PrincipalGrantLoader>();
        services.AddScoped<Principals.PrincipalListLoader>();
        services.AddScoped<Principals.PrincipalActionLoader>();

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
                .AddValidationRule<OperationTypeExistenceValidationRule>()
                // Resolvers are CPU-bound over a local SQLite file: running sibling fields as parallel tasks only adds
                // overhead on large lists. DataLoader results are still collected per level and batched.
                .AddExecutionStrategySelector<PerRequestExecutionStrategySelector>()
                // The one place a request's accounts are decided: from the caller's identity, before anything resolves.
                .ConfigureExecution((execution, next) =>
                {
                    if (execution.RequestServices?.GetService<RequestAccountScope>() is { } scope)
                    {
                        scope.Current = AccountClaims.ScopeOf(execution.User, options.AnonymousScope);
                    }
                    return next(execution);
                });
            configureGraphQL?.Invoke(builder);
        });
        return services;
    }
}
