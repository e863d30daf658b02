using GraphQL.Types;
using IamGraph.Api.Common.Authorization;
using IamGraph.Catalog;
using Microsoft.Extensions.Logging.Abstractions;

namespace IamGraph.Hosting;

/// <summary>
/// The first request's one-time costs, paid while the server starts instead: EF Core's model and its query pipeline (the
/// readiness check's query, through the API's own pool, so the same caches) on one thread, the GraphQL schema on another.
/// Nothing waits for it: a request that comes first builds what it needs itself, and a failure here is only logged.
/// </summary>
internal static class CatalogWarmUp
{
    /// <summary>
    /// Starts EF Core's model (most of a cold start: about 0.8 s of CPU) before the host is even built. The API's pooled
    /// contexts find it in EF Core's model cache (same provider, same model cache key), or wait for it there.
    /// </summary>
    public static void StartModel(CatalogConnection database) => Run(NullLogger.Instance, "the catalogue's model", () =>
    {
        using var db = new CatalogDbContext(database.ReaderOptions());
        _ = db.Model;
    });

    public static void Start(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CatalogWarmUp));
        Run(logger, "the readiness query", () =>
        {
            using var db = services.GetRequiredService<CatalogContextPool>().Create(AccountScope.Public);
            _ = CatalogReadinessCheck.LastImportAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        });
        Run(logger, "the GraphQL schema", () => services.GetRequiredService<ISchema>().Initialize());
    }

    private static void Run(ILogger logger, string what, System.Action warm) =>
        // Own threads: the pool's are few at start, and Kestrel's first connections need them.
        Task.Factory.StartNew(() =>
        {
            try
            {
                warm();
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Warming up {What} failed; the first request that needs it will say why.", what);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
