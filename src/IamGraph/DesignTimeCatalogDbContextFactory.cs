using IamGraph.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IamGraph;

/// <summary>
/// Lets <c>dotnet ef</c> build the context without running the app (it must live in the startup project).
/// SQLite by default; <c>-- --provider postgres</c> for the PostgreSQL migrations.
/// </summary>
internal sealed class DesignTimeCatalogDbContextFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args)
    {
        var postgres = args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault() is "postgres" or "postgresql";
        var builder = new DbContextOptionsBuilder<CatalogDbContext>();
        return postgres
            ? new(CatalogDatabase.Configure(builder, CatalogProvider.Postgres, "Host=localhost;Database=iamgraph").Options)
            : new(CatalogDatabase.SqliteOptions(CatalogDatabase.DefaultFile, readOnly: false));
    }
}
