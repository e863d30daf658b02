using IamGraph.Catalog;
using IamGraph.Http.Serving;
using Microsoft.Data.Sqlite;

namespace IamGraph.Hosting;

/// <summary>
/// An import replaces the SQLite file by renaming a new one over it. Open connections keep reading the old file
/// (its inode lives on) until they are closed, so pooled connections must be let go when the file changes:
/// then every new request reads the new catalogue, and no request ever sees a mix. The served version (ETags, response
/// cache) changes after the pools are cleared, so an answer keyed by the new version was read from the new file.
/// </summary>
internal sealed class SqliteCatalogWatcher(CatalogConnection database, ServedDataVersion version, ILogger<SqliteCatalogWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = Path.GetFullPath(database.SqliteFile!);
        var seen = Identity(file);
        version.Change(Describe(file, seen));
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = Identity(file);
            if (now != seen && now is not null)
            {
                seen = now;
                SqliteConnection.ClearAllPools();
                version.Change(Describe(file, now));
                logger.LogInformation("The catalogue {File} was replaced by an import; new requests read the new one.", file);
            }
        }
    }

    private static string Describe(string file, (DateTime, long)? identity) =>
        identity is var (written, length) ? $"sqlite:{file}:{written.Ticks}:{length}" : $"sqlite:{file}:absent";

    /// <summary>A cheap stand-in for the inode: a renamed-in file differs in write time or length.</summary>
    private static (DateTime, long)? Identity(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }
}
