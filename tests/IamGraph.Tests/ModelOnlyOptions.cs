using IamGraph.Catalog;
using Microsoft.EntityFrameworkCore;

namespace IamGraph.Tests;

/// <summary>Options for a catalogue context that only builds its model: on either engine, with no server behind it.</summary>
internal static class ModelOnlyOptions
{
    /// <summary>Both engines, for theories over the model (no server needed for either).</summary>
    public static TheoryData<CatalogProvider> Providers => [CatalogProvider.Sqlite, CatalogProvider.Postgres];

    public static DbContextOptions<CatalogDbContext> For(CatalogProvider provider) =>
        CatalogDatabase.Configure(
            new DbContextOptionsBuilder<CatalogDbContext>(),
            provider,
            // Never opened: building a model and diffing it against a snapshot talk to no server.
            provider == CatalogProvider.Sqlite ? "Data Source=model.db" : "Host=127.0.0.1;Database=iamgraph_model").Options;
}
