using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IamGraph.Catalog;

/// <summary>How to open the catalogue database. The one place that knows connection strings and migrations assemblies.</summary>
public static class CatalogDatabase
{
    public const string SqliteMigrationsAssembly = "IamGraph.Migrations.Sqlite";

    /// <summary>Default file when neither <c>--db</c> nor <c>IAMGRAPH_DB</c> names one.</summary>
    public const string DefaultFile = "iamgraph.db";

    public const string EnvironmentVariable = "IAMGRAPH_DB";

    /// <summary>A SQLite connection string for a file; read-only opens never create or change it.</summary>
    public static string SqliteConnectionString(string file, bool readOnly) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();

    public static DbContextOptionsBuilder<CatalogDbContext> UseCatalogSqlite(this DbContextOptionsBuilder<CatalogDbContext> builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));

    public static DbContextOptions<CatalogDbContext> SqliteOptions(string file, bool readOnly) =>
        new DbContextOptionsBuilder<CatalogDbContext>().UseCatalogSqlite(SqliteConnectionString(file, readOnly)).Options;
}
