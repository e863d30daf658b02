using IamGraph.Catalog;
using Microsoft.EntityFrameworkCore.Design;

namespace IamGraph;

/// <summary>Lets <c>dotnet ef</c> build the context without running the app (it must live in the startup project).</summary>
internal sealed class DesignTimeCatalogDbContextFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args) =>
        new(CatalogDatabase.SqliteOptions(CatalogDatabase.DefaultFile, readOnly: false));
}
