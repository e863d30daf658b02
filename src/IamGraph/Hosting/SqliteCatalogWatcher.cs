using IamGraph.Catalog;
using Microsoft.Data.Sqlite;

namespace IamGraph.Hosting;

/// <summary>
/// An import replaces the SQLite file by renaming a new one over it. Open connections keep reading the old file
/// (its inode lives on) until they are closed, so pooled connections must be let go when the file changes:
/// then every new request reads the new catalogue, and no request ever sees a mix.
/// </summary>
internal sealed class SqliteCatalogWatcher(CatalogConnection database, ILogger<SqliteCatalogWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = Path.GetFullPath(database.SqliteFile!);
        var seen = Identity(file);
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = Identity(file);
            if (now != seen && now is not null)
            {
                seen = now;
                SqliteConnection.ClearAllPools();
                logger.LogInformation("The catalogue {File} was replaced by an import; new requests read the new one.", file);
            }
        }
    }

    /// <summary>A cheap stand-in for the inode: a renamed-in file differs in write time or length.</summary>
    private static (DateTime, long)? Identity(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }
}
