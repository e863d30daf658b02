using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;
using IamGraph.Import;
using IamGraph.Testing;

using Microsoft.EntityFrameworkCore;

using Xunit.Abstractions;

namespace IamGraph.Api.Tests;

/// <summary>The shared published docs imported for real (the engine's own writer), then queried through GraphQL.</summary>
public sealed class SharedDocsFixture(CatalogProvider provider) : ApiFixture(provider)
{
    protected override void Write(TestCatalog catalog) => CatalogImporter.Import(SharedDocs.Require(), catalog.Connection);
}

/// <summary>One import per engine for all the class's tests, made on first use, so skipped tests never read the docs or need a server.</summary>
public abstract class SharedDocsCatalog(CatalogProvider provider) : IAsyncLifetime
{
    private readonly Lazy<Task<SharedDocsFixture>> _api = new(async () =>
    {
        var fixture = new SharedDocsFixture(provider);
        await fixture.InitializeAsync();
        return fixture;
    });

    public Task<SharedDocsFixture> GetAsync() => _api.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_api.IsValueCreated)
        {
            await (await _api.Value).DisposeAsync();
        }
    }
}

public sealed class SqliteSharedDocsCatalog() : SharedDocsCatalog(CatalogProvider.Sqlite);

public sealed class PostgresSharedDocsCatalog() : SharedDocsCatalog(CatalogProvider.Postgres);

public abstract class SharedDocsGrantsTests(SharedDocsCatalog catalog, ITestOutputHelper output)
{
    private static readonly string[] FiveActions = ["s3:GetObject", "s3:ListBucket", "s3:PutObject", "ecr:BatchGetImage", "ecr:GetAuthorizationToken"];

    [DocsEngineFact]
    public async Task GrantedBy_and_literal_policies_match_the_import_counts()
    {
        var api = await catalog.GetAsync();
        var data = await api.DataAsync("""
            { s3: action(name: "s3:GetObject") { grantedBy { totalCount } policies { totalCount } }
              ecr: action(name: "ecr:BatchGetImage") { grantedBy { totalCount } policies { totalCount } } }
            """);
        Assert.Equal((179, 155), (data.At("s3", "grantedBy", "totalCount").GetInt32(), data.At("s3", "policies", "totalCount").GetInt32()));
        Assert.Equal((28, 24), (data.At("ecr", "grantedBy", "totalCount").GetInt32(), data.At("ecr", "policies", "totalCount").GetInt32()));
    }

    [DocsEngineFact]
    public async Task PoliciesGranting_five_actions_agrees_with_effective_grants_in_sql()
    {
        var api = await catalog.GetAsync();
        var data = await api.DataAsync("query($a: [String!]!) { policiesGranting(actions: $a, first: 1000) { totalCount nodes { name } } }",
            new GraphQL.Inputs(new Dictionary<string, object?> { ["a"] = FiveActions }));
        var names = data.At("policiesGranting").Names();

        // Independently: policies whose grants cover all five name keys (grants point at canonical actions, one per key).
        var expected = new List<string>();
        await using (var db = new CatalogDbContext(api.Catalog.ReaderOptions()))
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT p.name FROM policies p WHERE p.id IN (
                  SELECT g.policy_id FROM effective_grants g JOIN actions a ON a.id = g.action_id
                  WHERE a.name_key IN ('s3:getobject', 's3:listbucket', 's3:putobject', 'ecr:batchgetimage', 'ecr:getauthorizationtoken')
                  GROUP BY g.policy_id HAVING COUNT(DISTINCT a.name_key) = 5)
                ORDER BY p.name, p.id
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                expected.Add(reader.GetString(0));
            }
        }
        output.WriteLine($"{names.Length} policies grant all five: {string.Join(", ", names)}");
        Assert.NotEmpty(names);
        Assert.Contains("AdministratorAccess", names);
        Assert.Equal(expected, names);
    }
}

public sealed class SqliteSharedDocsGrantsTests(SqliteSharedDocsCatalog catalog, ITestOutputHelper output)
    : SharedDocsGrantsTests(catalog, output), IClassFixture<SqliteSharedDocsCatalog>;

public sealed class PostgresSharedDocsGrantsTests(PostgresSharedDocsCatalog catalog, ITestOutputHelper output)
    : SharedDocsGrantsTests(catalog, output), IClassFixture<PostgresSharedDocsCatalog>, IPostgresTests;
