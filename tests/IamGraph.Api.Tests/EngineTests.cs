using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Tests;

/// <summary>Each engine's fixture really serves that engine, so a PostgreSQL pass is not SQLite passing twice.</summary>
public abstract class EngineTests(ApiFixture api)
{
    [EngineFact]
    public async Task The_api_reads_the_fixtures_engine_with_ordinal_text()
    {
        var factory = api.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var expected = api.Provider == CatalogProvider.Sqlite ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL";
        Assert.Equal(expected, db.Database.ProviderName);
        // Ordinal comparison in the database itself: SQLite's BINARY, PostgreSQL's C collation ('Z' < 'a' in both, not in a linguistic collation).
        Assert.Equal(["S3", "all", "ec2", "ecr", "iam", "s3"], await db.Services.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync());
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteEngineTests(SqliteCatalogFixture api) : EngineTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresEngineTests(PostgresCatalogFixture api) : EngineTests(api), IPostgresTests;
