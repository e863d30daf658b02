using IamGraph.Api;
using IamGraph.Api.Common.Authorization;
using IamGraph.Catalog;
using IamGraph.Http;
using IamGraph.Http.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IamGraph.Hosting;

/// <summary>Where and how to serve: the composition root's inputs.</summary>
public sealed record ServerSettings(CatalogConnection Database, string Urls = ServerSettings.DefaultUrls, bool AllowAnonymousAccountData = false)
{
    public const string DefaultUrls = "http://127.0.0.1:5000";
}

/// <summary>The composition root of the server: the API's schema, the HTTP transport, the catalogue database. Nothing else wires services.</summary>
public static class IamGraphServer
{
    public static WebApplication Build(ServerSettings settings, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        var database = settings.Database;
        builder.Services.AddSingleton(database);
        bool authenticates = builder.Configuration.GetSection(BearerTokenOptions.SectionName).Get<BearerTokenOptions>()?.IsConfigured == true;
        builder.Services.AddIamGraphApi(api =>
        {
            builder.Configuration.GetSection("Api").Bind(api);
            api.ConfigureDbContext = db => CatalogDatabase.Configure(db, database.Provider, database.ReaderConnectionString());
            // Only a laptop with no authentication at all shows account data to anonymous callers, and only when told to.
            api.AnonymousScope = settings.AllowAnonymousAccountData && !authenticates ? AccountScope.Everything : AccountScope.Public;
        });
        builder.Services.AddIamGraphHttp(builder.Configuration);
        builder.Services.AddHostedService(sp => new AccountDataGuard(
            sp.GetRequiredService<CatalogContextPool>(), authenticates, settings.AllowAnonymousAccountData, sp.GetRequiredService<ILogger<AccountDataGuard>>()));
        builder.Services.AddIamGraphReadinessCheck<CatalogReadinessCheck>("catalog");
        builder.Services.AddHostedService<IdleMemoryTrimmer>();
        if (database.Provider == CatalogProvider.Sqlite)
        {
            builder.Services.AddHostedService<SqliteCatalogWatcher>();
        }

        var app = builder.Build();
        app.UseIamGraphHttp("/graphql");
        app.MapGet("/", () => Results.Redirect("/graphql/"));
        return app;
    }
}

/// <summary>/readyz: the catalogue answers and says which import it holds.</summary>
internal sealed class CatalogReadinessCheck(IDbContextFactory<CatalogDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var run = await db.ImportRuns.OrderByDescending(r => r.Id).Select(r => new { r.Source, r.ImportedAt }).FirstOrDefaultAsync(cancellationToken);
            return run is null
                ? HealthCheckResult.Unhealthy("the catalogue holds no import")
                : HealthCheckResult.Healthy($"imported {run.ImportedAt:u} from {run.Source}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the catalogue database does not answer: {e.Message}");
        }
    }
}
