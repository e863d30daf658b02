using System.Text;

using GraphQL;

using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Tests;

public abstract class NodeTests(ApiFixture api)
{
    private static string Id(string type, int id) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{id}"));

    /// <summary>The node id of an entity, from the key the import gave it (read from the database, not through the API).</summary>
    private async Task<string> IdOfAsync(string type, string name)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        var key = type switch
        {
            "Service" => await db.Services.Where(e => e.Name == name).Select(e => e.Id).SingleAsync(),
            "Action" => await db.Actions.Where(e => e.Name == name).Select(e => e.Id).SingleAsync(),
            "Policy" => await db.Policies.Where(e => e.Name == name).Select(e => e.Id).SingleAsync(),
            "Role" => await db.Roles.Where(e => e.Name == name).Select(e => e.Id).SingleAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
        return Id(type, key);
    }

    [EngineFact]
    public async Task Ids_are_base64_of_type_name_and_key()
    {
        var data = await api.DataAsync("""{ service(name: "s3") { id } }""");
        Assert.Equal(await IdOfAsync("Service", "s3"), data.At("service", "id").GetString());
    }

    [EngineFact]
    public async Task Node_round_trips_every_entity()
    {
        var ids = await api.DataAsync("""
            { policy(name: "AWSLambdaRole") { id } action(name: "s3:Get*") { id } service(name: "S3") { id } role(name: "AdminRole") { id } }
            """);
        foreach (var (field, expected) in new[] { ("policy", "AWSLambdaRole"), ("action", "s3:Get*"), ("service", "S3"), ("role", "AdminRole") })
        {
            var id = ids.At(field, "id").GetString()!;
            var data = await api.DataAsync(
                "query($id: ID!) { node(id: $id) { __typename id ... on Policy { name } ... on Action { name } ... on Service { name } ... on Role { name } } }",
                new Inputs(new Dictionary<string, object?> { ["id"] = id }));
            Assert.Equal(expected, data.At("node", "name").GetString());
            Assert.Equal(id, data.At("node", "id").GetString());
            Assert.Equal(char.ToUpperInvariant(field[0]) + field[1..], data.At("node", "__typename").GetString());
        }
    }

    [EngineFact]
    public async Task Nodes_keeps_order_and_returns_null_for_unknown_ids()
    {
        var query = $$"""
            { nodes(ids: ["{{await IdOfAsync("Role", "AdminRole")}}", "{{await IdOfAsync("Policy", "AWSLambdaRole")}}", "{{Id("Service", 999)}}", "{{await IdOfAsync("Action", "*")}}", "{{Id("Nope", 1)}}"]) {
                __typename ... on Role { name } ... on Policy { name } ... on Action { name } } }
            """;
        var nodes = (await api.DataAsync(query)).At("nodes");
        Assert.Equal("AdminRole", nodes[0].At("name").GetString());
        Assert.Equal("AWSLambdaRole", nodes[1].At("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, nodes[2].ValueKind);
        Assert.Equal("*", nodes[3].At("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, nodes[4].ValueKind);
    }

    [EngineFact]
    public async Task Nodes_takes_at_most_a_page_of_ids()
    {
        // The fixture's MaxPageSize is 1000.
        var ids = string.Join(", ", Enumerable.Range(1, 1001).Select(i => $"\"{Id("Action", i)}\""));
        var statements = api.Statements.Start();
        var response = await api.ExecuteAsync($"{{ nodes(ids: [{ids}]) {{ id }} }}");
        Assert.Equal("PAGE_SIZE_EXCEEDED", response.At("errors")[0].At("extensions", "code").GetString());
        Assert.Empty(statements);
    }

    [EngineFact]
    public async Task A_malformed_id_is_an_error()
    {
        var response = await api.ExecuteAsync("""{ node(id: "%%%") { id } }""");
        Assert.Equal("INVALID_NODE_ID", response.At("errors")[0].At("extensions", "code").GetString());
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteNodeTests(SqliteCatalogFixture api) : NodeTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresNodeTests(PostgresCatalogFixture api) : NodeTests(api), IPostgresTests;
