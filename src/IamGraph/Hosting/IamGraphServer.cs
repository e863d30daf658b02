using IamGraph.Api;
using IamGraph.Api.Common.Authorization;
using IamGraph.Catalog;
using IamGraph.Http;
using IamGraph.Http.Authentication;
using IamGraph.Http.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Trace;

namespace IamGraph.Hosting;

/// <summary>Where and how to serve: the composition root's inputs.</summary>
/// <param name="TrustedDocuments">A trusted-documents manifest (Relay or Apollo format).</param>
/// <param name="TrustedDocumentsOnly">Lock-down: only trusted documents run; the IDE is then off unless configured on.</param>
/// <param name="AllowAnonymousAccountData">With no authentication configured, show account data to every caller (a laptop).</param>
public sealed record ServerSettings(
    CatalogConnection Database,
    string Urls = ServerSettings.DefaultUrls,
    string? TrustedDocuments = null,
    bool TrustedDocumentsOnly = false,
    bool AllowAnonymousAccountData = false)
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
        AddServeOptions(builder.Configuration, settings);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        var database = settings.Database;
        var telemetry = new TelemetryOptions();
        builder.Configuration.GetSection(TelemetryOptions.SectionName).Bind(telemetry);
        builder.Services.AddSingleton(database);
        bool authenticates = builder.Configuration.GetSection(BearerTokenOptions.SectionName).Get<BearerTokenOptions>()?.IsConfigured == true;
        // Only a laptop with no authentication at all shows account data to anonymous callers, and only when told to; the
        // bundled sample's example account is public data, shown to everyone.
        var sampleAccounts = CatalogBootstrap.BundledSampleAccounts(database);
        var anonymous = settings.AllowAnonymousAccountData && !authenticates ? AccountScope.Everything
            : sampleAccounts is not null ? AccountScope.Of(sampleAccounts)
            : AccountScope.Public;
        builder.Services.AddIamGraphApi(api =>
        {
            builder.Configuration.GetSection("Api").Bind(api);
            api.ConfigureDbContext = db =>
            {
                CatalogDatabase.Configure(db, database.Provider, database.ReaderConnectionString());
                if (telemetry.Enabled)
                {
                    db.AddInterceptors(SqlStatementCounter.Instance);
                }
            };
            api.AnonymousScope = anonymous;
        });
        builder.Services.AddSingleton<ICacheScopeResolver>(new AccountCacheScopeResolver(anonymous));
        builder.Services.AddIamGraphHttp(builder.Configuration);
        builder.Services.AddHostedService(sp => new AccountDataGuard(
            database, authenticates, settings.AllowAnonymousAccountData, sampleAccounts, sp.GetRequiredService<ILogger<AccountDataGuard>>()));
        if (telemetry.Enabled)
        {
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddEntityFrameworkCoreInstrumentation());
        }
        builder.Services.AddIamGraphReadinessCheck<CatalogReadinessCheck>("catalog");
        builder.Services.AddHostedService<IdleMemoryTrimmer>();
        if (database.Provider == CatalogProvider.Sqlite)
        {
            builder.Services.AddHostedService<SqliteCatalogWatcher>();
        }
        else
        {
            builder.Services.AddHostedService<PostgresCatalogWatcher>();
        }

        var app = builder.Build();
        // Loads the trusted documents now: a bad manifest stops the start, not the first request.
        app.Services.GetRequiredService<PersistedDocumentStore>();
        CatalogWarmUp.Start(app.Services);
        app.UseIamGraphHttp("/graphql");
        app.MapGet("/", () => Results.Redirect("/graphql/"));
        return app;
    }

    /// <summary>
    /// Serve's options become configuration. Lock-down turns the IDE off as a default below every other source, so
    /// `GraphQL__EnableIde=true` can turn it back on (and with it, ad-hoc documents for the IDE).
    /// </summary>
    private static void AddServeOptions(ConfigurationManager configuration, ServerSettings settings)
    {
        var values = new Dictionary<string, string?>();
        if (settings.TrustedDocuments is not null)
        {
            values["GraphQL:PersistedDocuments:TrustedDocumentsFile"] = Path.GetFullPath(settings.TrustedDocuments);
        }
        if (settings.TrustedDocumentsOnly)
        {
            values["GraphQL:PersistedDocuments:TrustedDocumentsOnly"] = "true";
            var sources = (IConfigurationBuilder)configuration;
            sources.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
            {
                InitialData = [KeyValuePair.Create("GraphQL:EnableIde", (string?)"false")],
            });
        }
        configuration.AddInMemoryCollection(values);
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
            var run = await LastImportAsync(db, cancellationToken);
            return run is null
                ? HealthCheckResult.Unhealthy("the catalogue holds no import")
                : HealthCheckResult.Healthy($"imported {run.ImportedAt:u} from {run.Source}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the catalogue database does not answer: {e.Message}");
        }
    }

    /// <summary>The import being served: what /readyz reports, and the query <see cref="CatalogWarmUp"/> compiles before the first request.</summary>
    internal static Task<ImportRunSummary?> LastImportAsync(CatalogDbContext db, CancellationToken cancellationToken) =>
        db.ImportRuns.OrderByDescending(r => r.Id).Select(r => new ImportRunSummary(r.Source, r.ImportedAt)).FirstOrDefaultAsync(cancellationToken);

    internal sealed record ImportRunSummary(string Source, DateTimeOffset ImportedAt);
}
