using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>The number of SQL statements depends on the query's shape, never on the number of rows (no N+1).</summary>
public abstract class StatementCountTests(ApiFixture api)
{
    [EngineFact]
    public async Task Q1_policies_with_their_actions_and_services()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("{ policies(first: 50) { nodes { name arn actions(first: 1000) { nodes { name service { name } } } } } }");
        // The contract's bound is 4. Actual: the policies, then their actions with each action's service joined in
        // (one batch for all six policies).
        Assert.InRange(statements.Count, 1, 4);
        Assert.Equal(2, statements.Count);
        var lambda = data.At("policies", "nodes")[0];
        Assert.Equal("AWSLambdaRole", lambda.At("name").GetString());
        var pairs = lambda.At("actions", "nodes").EnumerateArray().Select(a => (a.At("name").GetString(), a.At("service", "name").GetString()));
        Assert.Equal([("ecr:BatchGetImage", "ecr"), ("iam:PassRole", "iam"), ("s3:GetObject", "s3")], pairs);
    }

    [EngineFact]
    public async Task Q2_policies_of_one_action()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("""{ action(name: "ecr:BatchGetImage") { policies(first: 100) { nodes { name arn actionCount } } } }""");
        Assert.Equal(2, statements.Count);
        Assert.Equal(["AWSLambdaRole", "AmazonEC2ContainerRegistryReadOnly"], data.At("action", "policies").Names());
        Assert.Equal([3, 1], data.At("action", "policies", "nodes").EnumerateArray().Select(n => n.At("actionCount").GetInt32()));
    }

    [EngineFact]
    public async Task Q3_actions_and_policies_of_one_service()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("""{ service(name: "ecr") { actions(first: 1000) { nodes { name } } policies(first: 1000) { nodes { name } } } }""");
        Assert.Equal(3, statements.Count);
        Assert.Equal(["ecr:BatchGetImage"], data.At("service", "actions").Names());
        Assert.Equal(["AWSLambdaRole", "AmazonEC2ContainerRegistryReadOnly"], data.At("service", "policies").Names());
    }

    [EngineFact]
    public async Task Q4_services_with_counts()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("{ services(first: 1000) { nodes { name actionCount policyCount } } }");
        Assert.Single(statements);
        Assert.Equal(6, data.At("services").Names().Length);
    }

    [EngineFact]
    public async Task Four_levels_deep_is_four_statements()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("""
            { roles(first: 10) { nodes { name policies(first: 10) { nodes { name actions(first: 10) { nodes { name roles(first: 10) { nodes { name } } } } } } } } }
            """);
        Assert.Equal(4, statements.Count);
        var lambdaRole = data.At("roles", "nodes")[1];
        Assert.Equal(["AWSLambdaRole", "AmazonS3ReadOnlyAccess"], lambdaRole.At("policies").Names());
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteStatementCountTests(SqliteCatalogFixture api) : StatementCountTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresStatementCountTests(PostgresCatalogFixture api) : StatementCountTests(api), IPostgresTests;
