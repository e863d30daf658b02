using IamGraph.Catalog;
using IamGraph.Testing;

namespace IamGraph.Api.Tests.Engines;

/// <summary>A new, empty catalogue database on one engine (a temp SQLite file or a temporary PostgreSQL database), removed on dispose.</summary>
public sealed class TestCatalog : IAsyncDisposable
{
    private readonly TemporaryDatabase? _postgres;

    private TestCatalog(CatalogConnection connection, TemporaryDatabase? postgres)
    {
        Connection = connection;
        _postgres = postgres;
    }

    public CatalogConnection Connection { get; }

    public static async Task<TestCatalog> CreateAsync(CatalogProvider provider)
    {
        if (provider == CatalogProvider.Sqlite)
        {
            return new TestCatalog(new CatalogConnection(provider, Path.Combine(Path.GetTempPath(), $"iamgraph-api-{Guid.NewGuid():N}.db")), null);
        }
        var database = await PostgresServer.CreateDatabaseAsync();
        return new TestCatalog(new CatalogConnection(provider, database.ConnectionString), database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Read-only connections cannot checkpoint, so the WAL and its index outlive them: remove all three.
        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            File.Delete(Connection.ConnectionString + suffix);
        }
    }
}
