using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

public abstract class NestedConnectionTests(ApiFixture api)
{
    [EngineFact]
    public async Task Policy_relations()
    {
        var data = await api.DataAsync("""
            {
              lambda: policy(name: "AWSLambdaRole") {
                actions(first: 10) { nodes { name } }
                services(first: 10) { nodes { name } }
                roles(first: 10) { nodes { name } }
              }
              s3: policy(name: "AmazonS3ReadOnlyAccess") { roles(first: 10) { nodes { name } } }
              empty: policy(name: "EmptyPolicy") { actions(first: 10) { totalCount nodes { name } } }
            }
            """);
        Assert.Equal(["ecr:BatchGetImage", "iam:PassRole", "s3:GetObject"], data.At("lambda", "actions").Names());
        Assert.Equal(["ecr", "iam", "s3"], data.At("lambda", "services").Names());
        Assert.Equal(["LambdaExecRole"], data.At("lambda", "roles").Names());
        Assert.Equal(["LambdaExecRole"], data.At("s3", "roles").Names());
        Assert.Empty(data.At("empty", "actions").Names());
        Assert.Equal(0, data.At("empty", "actions", "totalCount").GetInt32());
    }

    [EngineFact]
    public async Task Action_relations()
    {
        var data = await api.DataAsync("""
            {
              ecr: action(name: "ecr:BatchGetImage") { policies(first: 10) { nodes { name } } roles(first: 10) { nodes { name } } }
              get: action(name: "s3:GetObject") { policies(first: 10) { nodes { name } } roles(first: 10) { nodes { name } } }
              star: action(name: "*") { service { name } roles(first: 10) { nodes { name } } }
              list: action(name: "S3:ListBucket") { service { name } roles(first: 10) { nodes { name } } }
            }
            """);
        Assert.Equal(["AWSLambdaRole", "AmazonEC2ContainerRegistryReadOnly"], data.At("ecr", "policies").Names());
        Assert.Equal(["LambdaExecRole"], data.At("ecr", "roles").Names());
        Assert.Equal(["AWSLambdaRole", "AmazonS3ReadOnlyAccess"], data.At("get", "policies").Names());
        Assert.Equal(["LambdaExecRole"], data.At("get", "roles").Names());
        Assert.Equal("all", data.At("star", "service", "name").GetString());
        Assert.Equal(["AdminRole"], data.At("star", "roles").Names());
        Assert.Equal("S3", data.At("list", "service", "name").GetString());
        Assert.Empty(data.At("list", "roles").Names());
    }

    [EngineFact]
    public async Task Service_relations()
    {
        var data = await api.DataAsync("""
            {
              lower: service(name: "s3") { actions(first: 10) { nodes { name } } policies(first: 10) { nodes { name } } }
              upper: service(name: "S3") { actions(first: 10) { nodes { name } } policies(first: 10) { nodes { name } } roles(first: 10) { nodes { name } } }
              iam: service(name: "iam") { policies(first: 10) { nodes { name } } roles(first: 10) { nodes { name } } }
              all: service(name: "all") { roles(first: 10) { nodes { name } } }
            }
            """);
        Assert.Equal(["s3:Get*", "s3:GetObject"], data.At("lower", "actions").Names());
        Assert.Equal(["AWSLambdaRole", "AmazonS3ReadOnlyAccess"], data.At("lower", "policies").Names());
        Assert.Equal(["S3:ListBucket"], data.At("upper", "actions").Names());
        Assert.Equal(["IAMReadOnlyAccess"], data.At("upper", "policies").Names());
        Assert.Empty(data.At("upper", "roles").Names());
        Assert.Equal(["AWSLambdaRole", "IAMReadOnlyAccess"], data.At("iam", "policies").Names());
        Assert.Equal(["LambdaExecRole"], data.At("iam", "roles").Names());
        Assert.Equal(["AdminRole"], data.At("all", "roles").Names());
    }

    [EngineFact]
    public async Task Role_relations()
    {
        var data = await api.DataAsync("""
            {
              role(name: "LambdaExecRole") {
                policies(first: 10) { nodes { name } }
                actions(first: 10) { nodes { name } }
                services(first: 10) { nodes { name } }
              }
            }
            """);
        Assert.Equal(["AWSLambdaRole", "AmazonS3ReadOnlyAccess"], data.At("role", "policies").Names());
        Assert.Equal(["ecr:BatchGetImage", "iam:PassRole", "s3:Get*", "s3:GetObject"], data.At("role", "actions").Names());
        Assert.Equal(["ecr", "iam", "s3"], data.At("role", "services").Names());
    }

    [EngineFact]
    public async Task Each_parent_gets_its_own_page_and_total_count()
    {
        var data = await api.DataAsync("""
            { policies(first: 10) { nodes { name actions(first: 1) { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage } } } } }
            """);
        var pages = data.At("policies", "nodes").EnumerateArray().ToDictionary(p => p.At("name").GetString()!, p => p.At("actions"));
        (string[] Names, int Total, bool Next)[] expected =
        [
            (["ecr:BatchGetImage"], 3, true),
            (["*"], 1, false),
            (["ecr:BatchGetImage"], 1, false),
            (["s3:Get*"], 2, true),
            ([], 0, false),
            (["S3:ListBucket"], 2, true),
        ];
        var actual = pages.Values.Select(p => (p.Names(), p.At("totalCount").GetInt32(), p.At("pageInfo", "hasNextPage").GetBoolean())).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Names, actual[i].Item1);
            Assert.Equal(expected[i].Total, actual[i].Item2);
            Assert.Equal(expected[i].Next, actual[i].Item3);
        }
        Assert.All(pages.Values, p => Assert.False(p.At("pageInfo", "hasPreviousPage").GetBoolean()));
    }

    [EngineFact]
    public async Task Nested_connections_page_with_cursors()
    {
        // "MA==" is the cursor of index 0.
        var data = await api.DataAsync("""
            { role(name: "LambdaExecRole") {
                next: actions(first: 2, after: "MA==") { nodes { name } pageInfo { hasNextPage hasPreviousPage } }
                tail: actions(last: 2) { nodes { name } pageInfo { hasNextPage hasPreviousPage } }
            } }
            """);
        Assert.Equal(["iam:PassRole", "s3:Get*"], data.At("role", "next").Names());
        Assert.True(data.At("role", "next", "pageInfo", "hasNextPage").GetBoolean());
        Assert.True(data.At("role", "next", "pageInfo", "hasPreviousPage").GetBoolean());
        Assert.Equal(["s3:Get*", "s3:GetObject"], data.At("role", "tail").Names());
        Assert.False(data.At("role", "tail", "pageInfo", "hasNextPage").GetBoolean());
        Assert.True(data.At("role", "tail", "pageInfo", "hasPreviousPage").GetBoolean());
    }

    [EngineFact]
    public async Task Edges_carry_cursors_and_nodes()
    {
        var data = await api.DataAsync("""{ service(name: "s3") { actions(first: 5) { edges { cursor node { name } } } } }""");
        var edges = data.At("service", "actions", "edges").EnumerateArray().Select(e => (e.At("cursor").GetString(), e.At("node", "name").GetString())).ToArray();
        Assert.Equal([("MA==", "s3:Get*"), ("MQ==", "s3:GetObject")], edges);
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteNestedConnectionTests(SqliteCatalogFixture api) : NestedConnectionTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresNestedConnectionTests(PostgresCatalogFixture api) : NestedConnectionTests(api), IPostgresTests;
