using IamGraph.Api;
using IamGraph.Catalog;
using IamGraph.Import;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Benchmarks;

/// <summary>
/// The shared docs imported into a throwaway SQLite file as <c>iamgraph import</c> writes them, and the API's services over
/// it configured as the server configures them: what the in-process query benchmarks execute against.
/// </summary>
internal sealed class SharedDocsApi : IDisposable
{
    private readonly string _dir;

    private SharedDocsApi(string dir, ServiceProvider services)
    {
        _dir = dir;
        Services = services;
    }

    /// <summary>Imports the docs and builds the services; the benchmark's global cleanup disposes it.</summary>
    public static SharedDocsApi Create()
    {
        var dir = Directory.CreateTempSubdirectory("iamgraph-bench-").FullName;
        var database = new CatalogConnection(CatalogProvider.Sqlite, Path.Combine(dir, "catalog.db"));
        CatalogImporter.Import(SharedDocsLocation.Find(), database);
        var services = new ServiceCollection();
        services.AddIamGraphApi(api => api.ConfigureDbContext = db => CatalogDatabase.Configure(db, database.Provider, database.ReaderConnectionString()));
        return new SharedDocsApi(dir, services.BuildServiceProvider());
    }

    public ServiceProvider Services { get; }

    public void Dispose()
    {
        Services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
