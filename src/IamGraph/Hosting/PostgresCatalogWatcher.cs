using IamGraph.Catalog;
using IamGraph.Http.Serving;
using Microsoft.EntityFrameworkCore;

namespace IamGraph.Hosting;

/// <summary>
/// PostgreSQL: every import adds an import run, so the newest run names the served catalogue. Polled, since imports run
/// in another process; a new run changes the served version (ETags, response cache).
/// </summary>
internal sealed class PostgresCatalogWatcher(IDbContextFactory<CatalogDbContext> factory, ServedDataVersion version, ILogger<PostgresCatalogWatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(stoppingToken);
                var run = await db.ImportRuns.OrderByDescending(r => r.Id).Select(r => new { r.Id, r.ImportedAt }).FirstOrDefaultAsync(stoppingToken);
                var identity = run is null ? "postgres:empty" : $"postgres:{run.Id}:{run.ImportedAt.UtcTicks}";
                if (identity != version.Current && !version.Current.StartsWith("start-", StringComparison.Ordinal))
                {
                    logger.LogInformation("A new import ({Identity}) is served; cached answers were dropped.", identity);
                }
                version.Change(identity);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not read the catalogue's import run: {Message}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
