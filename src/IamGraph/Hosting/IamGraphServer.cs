using IamGraph.Api;
using IamGraph.Catalog;
using IamGraph.Http;
using Microsoft.EntityFrameworkCore;

namespace IamGraph.Hosting;

/// <summary>Where and how to serve: the composition root's inputs.</summary>
public sealed record ServerSettings(CatalogConnection Database, string Urls = ServerSettings.DefaultUrls)
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
        builder.Services.AddIamGraphApi(api =>
        {
            builder.Configuration.GetSection("Api").Bind(api);
            api.ConfigureDbContext = db => CatalogDatabase.Configure(db, database.Provider, database.ReaderConnectionString());
        });
        builder.Services.AddIamGraphHttp(builder.Configuration);
        builder.Services.AddIamGraphReadinessCheck("catalog", CatalogReadiness.CheckAsync);
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
internal static class CatalogReadiness
{
    public static async Task<IamGraph.Http.Health.ReadinessResult> CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            var factory = services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var run = await db.ImportRuns.OrderByDescending(r => r.Id).Select(r => new { r.Source, r.ImportedAt }).FirstOrDefaultAsync(cancellationToken);
            return run is null
                ? IamGraph.Http.Health.ReadinessResult.NotReady("the catalogue holds no import")
                : IamGraph.Http.Health.ReadinessResult.Ready($"imported {run.ImportedAt:u} from {run.Source}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return IamGraph.Http.Health.ReadinessResult.NotReady($"the catalogue database does not answer: {e.Message}");
        }
    }
}
