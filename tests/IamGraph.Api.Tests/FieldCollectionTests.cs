using GraphQL;

using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>
/// The execution strategy collects an object's sub-fields once per request for each type and selection set; @skip and
/// @include depend on the request's variables, so a parsed document run again (the HTTP layer's document cache) collects again.
/// </summary>
public abstract class FieldCollectionTests(ApiFixture api)
{
    private const string Query = """
        query ($withService: Boolean!) {
          service(name: "s3") { actions(first: 10) { nodes { name service @include(if: $withService) { name } } } }
        }
        """;

    [EngineFact]
    public async Task A_parsed_document_run_again_with_other_variables_collects_its_fields_again()
    {
        var document = GraphQLParser.Parser.Parse(Query);

        var with = await RunAsync(document, withService: true);
        var without = await RunAsync(document, withService: false);
        var withAgain = await RunAsync(document, withService: true);

        Assert.Equal([("s3:Get*", "s3"), ("s3:GetObject", "s3")], with);
        Assert.Equal([("s3:Get*", null), ("s3:GetObject", null)], without);
        Assert.Equal(with, withAgain);
    }

    [EngineFact]
    public async Task Objects_of_one_list_and_of_another_field_each_get_their_own_selection()
    {
        var data = await api.DataAsync("""
            {
              service(name: "s3") {
                actions(first: 10) { nodes { name service { name } } }
                named: actions(first: 10) { nodes { name } }
              }
            }
            """);
        Assert.All(data.At("service", "actions", "nodes").EnumerateArray(), node => Assert.Equal("s3", node.At("service", "name").GetString()));
        Assert.All(data.At("service", "named", "nodes").EnumerateArray(), node => Assert.False(node.TryGetProperty("service", out _)));
        Assert.Equal(["s3:Get*", "s3:GetObject"], data.At("service", "named").Names());
    }

    private async Task<(string?, string?)[]> RunAsync(GraphQLParser.AST.GraphQLDocument document, bool withService)
    {
        var response = await api.ExecuteAsync(Query, new Inputs(new Dictionary<string, object?> { ["withService"] = withService }), document);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return [.. response.At("data", "service", "actions", "nodes").EnumerateArray()
            .Select(node => (node.At("name").GetString(), node.TryGetProperty("service", out var service) ? service.At("name").GetString() : null))];
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteFieldCollectionTests(SqliteCatalogFixture api) : FieldCollectionTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresFieldCollectionTests(PostgresCatalogFixture api) : FieldCollectionTests(api), IPostgresTests;
