using IamGraph.Catalog;
using IamGraph.Import.Model;

namespace IamGraph.Import.Writing;

/// <summary>Persists a whole catalogue, replacing the served one atomically: readers see the old one or the new one, never a mix.</summary>
public interface ICatalogWriter
{
    void Write(CatalogSnapshot snapshot, CancellationToken cancellationToken = default);
}

public static class CatalogWriters
{
    public static ICatalogWriter For(CatalogConnection connection) => connection.Provider switch
    {
        CatalogProvider.Sqlite => new SqliteCatalogWriter(connection.ConnectionString),
        _ => new PostgresCatalogWriter(connection.ConnectionString),
    };
}
