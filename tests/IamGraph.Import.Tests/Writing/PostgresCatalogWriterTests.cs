using IamGraph.Catalog;
using IamGraph.Import.Model;
using IamGraph.Import.Tests.Model;
using IamGraph.Import.Writing;
using IamGraph.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IamGraph.Import.Tests.Writing;

public class PostgresCatalogWriterTests
{
    [PostgresFact]
    public async Task Writes_every_entity_relation_and_grant_readable_through_EF_Core()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var connection = new CatalogConnection(CatalogProvider.Postgres, database.ConnectionString);

        CatalogWriters.For(connection).Write(CatalogBuilder.Build(DocsCatalogs.Small()));

        await using var db = new CatalogDbContext(connection.ReaderOptions());
        var mixed = await db.Policies.Include(p => p.Actions).Include(p => p.Roles).SingleAsync(p => p.Name == "MixedCase");
        Assert.Equal(["S3:GetObject", "ecr:BatchGet*", "s3:getObject"], mixed.Actions.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["Builder"], mixed.Roles.Select(r => r.Name));
        Assert.Equal("/service-role/", mixed.Path);
        // The C collation orders like SQLite's BINARY: upper case first.
        Assert.Equal(["S3", "all", "ecr", "s3"], await db.Services.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync());
        Assert.Equal(3, await db.Policies.CountAsync());
        Assert.True(await db.EffectiveGrants.AnyAsync());
        Assert.Equal("published", (await db.ImportRuns.SingleAsync()).Format);
        Assert.Equal(3L, await ScalarAsync(connection.ReaderConnectionString(), "SELECT count(*) FROM policy_action_names WHERE policy_name = 'MixedCase'"));
        // ReadS3 and MixedCase name it, Admin's * matches it.
        Assert.Equal(3L, await ScalarAsync(connection.ReaderConnectionString(), "SELECT count(*) FROM effective_grant_names WHERE action_name = 'S3:GetObject'"));
    }

    [PostgresFact]
    public async Task A_failed_import_changes_nothing_and_leaves_no_staging_schema()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var writer = CatalogWriters.For(new CatalogConnection(CatalogProvider.Postgres, database.ConnectionString));
        writer.Write(CatalogBuilder.Build(DocsCatalogs.Small()));
        var good = CatalogBuilder.Build(DocsCatalogs.Small());
        var broken = good with { Actions = [.. good.Actions, good.Actions[0] with { Id = 99 }] };

        Assert.ThrowsAny<PostgresException>(() => writer.Write(broken));

        Assert.Equal(3L, await ScalarAsync(database.ConnectionString, "SELECT count(*) FROM iamgraph.policies"));
        Assert.Equal(["iamgraph"], await SchemasAsync(database.ConnectionString));
    }

    [PostgresFact]
    public async Task A_reader_inside_a_transaction_sees_the_old_catalogue_until_it_ends_then_the_new_one()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var connection = new CatalogConnection(CatalogProvider.Postgres, database.ConnectionString);
        CatalogWriters.For(connection).Write(CatalogBuilder.Build(DocsCatalogs.Small()));

        await using var reader = new NpgsqlConnection(connection.ReaderConnectionString());
        await reader.OpenAsync();
        await using var tx = await reader.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        Assert.Equal(3L, await ScalarAsync(reader, "SELECT count(*) FROM policies"));

        var bigger = DocsCatalogs.Of([.. DocsCatalogs.Small().Policies, DocsCatalogs.Policy("Extra", "arn:aws:iam::aws:policy/Extra", "sts:AssumeRole")]);
        var import = Task.Run(() => CatalogWriters.For(connection).Write(CatalogBuilder.Build(bigger)));
        // The swap waits for readers of the old tables: the reader keeps one consistent catalogue.
        await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(2)));
        Assert.Equal(3L, await ScalarAsync(reader, "SELECT count(*) FROM policies"));
        Assert.Equal(6L, await ScalarAsync(reader, "SELECT count(*) FROM actions"));
        await tx.CommitAsync();
        await import;

        Assert.Equal(4L, await ScalarAsync(reader, "SELECT count(*) FROM policies"));
        Assert.Equal(["iamgraph"], await SchemasAsync(database.ConnectionString));
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await ScalarAsync(connection, sql);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> SchemasAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'iamgraph%' ORDER BY 1", connection);
        await using var rows = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await rows.ReadAsync())
        {
            names.Add(rows.GetString(0));
        }
        return names;
    }
}
