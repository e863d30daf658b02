using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IamGraph.Catalog;

public enum CatalogProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the catalogue lives: a SQLite file, or a PostgreSQL database given by a connection string (<c>Host=...;Database=...</c>).
/// The one place that knows connection strings, providers and migrations assemblies.
/// </summary>
public sealed record CatalogConnection(CatalogProvider Provider, string ConnectionString)
{
    /// <summary>The PostgreSQL schema that holds the served catalogue; imports build a staging schema and swap it in.</summary>
    public const string PostgresSchema = "iamgraph";

    /// <summary>A PostgreSQL connection string when it has <c>Host=</c> or <c>Server=</c>; otherwise a SQLite file path.</summary>
    public static CatalogConnection Parse(string database)
    {
        var text = database.Trim();
        if (text.Contains('=', StringComparison.Ordinal) &&
            (text.Contains("Host=", StringComparison.OrdinalIgnoreCase) || text.Contains("Server=", StringComparison.OrdinalIgnoreCase)))
        {
            return new CatalogConnection(CatalogProvider.Postgres, text);
        }
        return new CatalogConnection(CatalogProvider.Sqlite, text);
    }

    /// <summary>For SQLite, the file; null for PostgreSQL.</summary>
    public string? SqliteFile => Provider == CatalogProvider.Sqlite ? ConnectionString : null;

    /// <summary>What to show a person: the file, or host/port/database without the password.</summary>
    public string Describe()
    {
        if (Provider == CatalogProvider.Sqlite)
        {
            return Path.GetFullPath(ConnectionString);
        }
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"postgresql://{b.Host}:{b.Port}/{b.Database}";
    }

    /// <summary>Connection string for readers (read-only SQLite; PostgreSQL pointed at the served schema).</summary>
    public string ReaderConnectionString() => Provider switch
    {
        CatalogProvider.Sqlite => CatalogDatabase.SqliteConnectionString(ConnectionString, readOnly: true),
        _ => WithoutJit(CatalogDatabase.PostgresConnectionString(ConnectionString, PostgresSchema)),
    };

    /// <summary>
    /// PostgreSQL compiles a plan whose estimated cost passes <c>jit_above_cost</c>; the API's statements are short, and on the
    /// 20-account synthetic organisation compiling them took up to 1 s of a 1.65 s <c>principalsGranting</c> (0.4 s without).
    /// Readers turn JIT off unless the connection string's <c>Options</c> already say something about it.
    /// </summary>
    private static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        }
        return builder.ToString();
    }

    public DbContextOptions<CatalogDbContext> ReaderOptions() =>
        CatalogDatabase.Configure(new DbContextOptionsBuilder<CatalogDbContext>(), Provider, ReaderConnectionString()).Options;
}

public static class CatalogDatabase
{
    public const string SqliteMigrationsAssembly = "IamGraph.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "IamGraph.Migrations.Postgres";

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

    /// <summary>A PostgreSQL connection string whose unqualified names resolve in <paramref name="schema"/>.</summary>
    public static string PostgresConnectionString(string connectionString, string schema) =>
        new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();

    /// <summary>Configures the provider, its migrations assembly, and a model cached per provider (for DI registrations too).</summary>
    public static void Configure(DbContextOptionsBuilder builder, CatalogProvider provider, string connectionString)
    {
        // A list goes as one parameter (json_each on SQLite, = ANY on PostgreSQL) rather than one per item: a statement's SQL
        // then does not depend on the list's length, so EF Core generates it once instead of on every execution.
        if (provider == CatalogProvider.Sqlite)
        {
            // Npgsql stops a command when its token fires; Microsoft.Data.Sqlite needs help (SqliteCancellationInterceptor).
            builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(SqliteCancellationInterceptor.Instance)
                .ReplaceService<IExceptionDetector, SqliteExceptionDetector>();
        }
        else
        {
            builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        }
        builder.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
    }

    public static DbContextOptionsBuilder<CatalogDbContext> Configure(DbContextOptionsBuilder<CatalogDbContext> builder, CatalogProvider provider, string connectionString)
    {
        Configure((DbContextOptionsBuilder)builder, provider, connectionString);
        return builder;
    }

    public static DbContextOptions<CatalogDbContext> SqliteOptions(string file, bool readOnly) =>
        Configure(new DbContextOptionsBuilder<CatalogDbContext>(), CatalogProvider.Sqlite, SqliteConnectionString(file, readOnly)).Options;

    /// <summary>The model differs per provider (PostgreSQL gets the C collation), so one process may hold both.</summary>
    private sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), context.Database.ProviderName, designTime);
    }
}
