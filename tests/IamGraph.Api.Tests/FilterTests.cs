using GraphQL;

using IamGraph.Api.Tests.Engines;

using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Tests;

public abstract class FilterTests(ApiFixture api)
{
    private async Task<string[]> Names(string root, string where, string order = "")
    {
        var data = await api.DataAsync($"{{ {root}(first: 100, where: {where}{order}) {{ nodes {{ name }} }} }}");
        return data.At(root).Names();
    }

    [EngineTheory]
    [InlineData("""{ name: { eq: "s3" } }""", new[] { "s3" })]
    [InlineData("""{ name: { neq: "s3" } }""", new[] { "S3", "all", "ec2", "ecr", "iam" })]
    [InlineData("""{ name: { startsWith: "s" } }""", new[] { "s3" })]
    [InlineData("""{ name: { nstartsWith: "e" } }""", new[] { "S3", "all", "iam", "s3" })]
    [InlineData("""{ name: { in: ["s3", "ecr", "nope"] } }""", new[] { "ecr", "s3" })]
    [InlineData("""{ name: { nin: ["s3", "ecr"] } }""", new[] { "S3", "all", "ec2", "iam" })]
    public async Task String_operations_on_services_are_case_sensitive(string where, string[] expected) =>
        Assert.Equal(expected, await Names("services", where));

    [EngineTheory]
    [InlineData("""{ name: { contains: "Get" } }""", new[] { "ecr:BatchGetImage", "iam:GetRole", "s3:Get*", "s3:GetObject" })]
    [InlineData("""{ name: { contains: "get" } }""", new string[0])]
    [InlineData("""{ name: { ncontains: "Get" } }""", new[] { "*", "S3:ListBucket", "ec2:RunInstances", "iam:PassRole" })]
    [InlineData("""{ name: { startsWith: "s3:" } }""", new[] { "s3:Get*", "s3:GetObject" })]
    [InlineData("""{ name: { endsWith: "*" } }""", new[] { "*", "s3:Get*" })]
    public async Task String_operations_on_actions(string where, string[] expected) =>
        Assert.Equal(expected, await Names("actions", where));

    [EngineTheory]
    [InlineData("""{ name: { endsWith: "Access" } }""", new[] { "AdministratorAccess", "AmazonS3ReadOnlyAccess", "IAMReadOnlyAccess" })]
    [InlineData("""{ name: { endsWith: "access" } }""", new string[0])]
    [InlineData("""{ name: { nendsWith: "Access" } }""", new[] { "AWSLambdaRole", "AmazonEC2ContainerRegistryReadOnly", "EmptyPolicy" })]
    [InlineData("""{ path: { eq: "/service-role/" } }""", new[] { "AWSLambdaRole" })]
    [InlineData("""{ arn: { startsWith: "arn:aws:iam::123456789012:" } }""", new[] { "EmptyPolicy" })]
    [InlineData("""{ name: { or: [{ eq: "EmptyPolicy" }, { startsWith: "IAM" }] } }""", new[] { "EmptyPolicy", "IAMReadOnlyAccess" })]
    public async Task String_operations_on_policies(string where, string[] expected) =>
        Assert.Equal(expected, await Names("policies", where));

    [EngineTheory]
    [InlineData("{ actionCount: { eq: 2 } }", new[] { "AmazonS3ReadOnlyAccess", "IAMReadOnlyAccess" })]
    [InlineData("{ actionCount: { neq: 2 } }", new[] { "AWSLambdaRole", "AdministratorAccess", "AmazonEC2ContainerRegistryReadOnly", "EmptyPolicy" })]
    [InlineData("{ actionCount: { gt: 1 } }", new[] { "AWSLambdaRole", "AmazonS3ReadOnlyAccess", "IAMReadOnlyAccess" })]
    [InlineData("{ actionCount: { gte: 3 } }", new[] { "AWSLambdaRole" })]
    [InlineData("{ actionCount: { lt: 1 } }", new[] { "EmptyPolicy" })]
    [InlineData("{ actionCount: { lte: 1 } }", new[] { "AdministratorAccess", "AmazonEC2ContainerRegistryReadOnly", "EmptyPolicy" })]
    [InlineData("{ actionCount: { in: [0, 3] } }", new[] { "AWSLambdaRole", "EmptyPolicy" })]
    [InlineData("{ actionCount: { nin: [0, 3] } }", new[] { "AdministratorAccess", "AmazonEC2ContainerRegistryReadOnly", "AmazonS3ReadOnlyAccess", "IAMReadOnlyAccess" })]
    [InlineData("{ serviceCount: { gte: 2 }, roleCount: { eq: 0 } }", new[] { "IAMReadOnlyAccess" })]
    public async Task Int_operations_on_count_columns(string where, string[] expected) =>
        Assert.Equal(expected, await Names("policies", where));

    [EngineFact]
    public async Task Boolean_operations()
    {
        Assert.Equal(["EmptyPolicy"], await Names("policies", "{ awsManaged: { eq: false } }"));
        Assert.Equal(5, (await Names("policies", "{ awsManaged: { neq: false } }")).Length);
        Assert.Equal(["*", "s3:Get*"], await Names("actions", "{ isWildcard: { eq: true } }"));
    }

    [EngineFact]
    public async Task And_or_combine_conditions()
    {
        Assert.Equal(["AWSLambdaRole", "EmptyPolicy"], await Names("policies", """{ or: [{ name: { eq: "EmptyPolicy" } }, { actionCount: { gte: 3 } }] }"""));
        Assert.Equal(["AmazonEC2ContainerRegistryReadOnly", "AmazonS3ReadOnlyAccess"],
            await Names("policies", """{ and: [{ actionCount: { gte: 1 } }, { awsManaged: { eq: true } }, { name: { startsWith: "Am" } }] }"""));
    }

    [EngineFact]
    public async Task List_operations_on_relations()
    {
        Assert.Equal(["AWSLambdaRole", "IAMReadOnlyAccess"], await Names("policies", """{ actions: { some: { name: { startsWith: "iam:" } } } }"""));
        Assert.Equal(["AdministratorAccess", "AmazonEC2ContainerRegistryReadOnly", "EmptyPolicy", "IAMReadOnlyAccess"],
            await Names("policies", """{ actions: { none: { name: { startsWith: "s3:" } } } }"""));
        // "all" holds vacuously for a policy without actions.
        Assert.Equal(["AdministratorAccess", "EmptyPolicy"], await Names("policies", "{ actions: { all: { isWildcard: { eq: true } } } }"));
        Assert.Equal(["EmptyPolicy"], await Names("policies", "{ actions: { any: false } }"));
        Assert.Equal(5, (await Names("policies", "{ actions: { any: true } }")).Length);
        Assert.Equal(["LambdaExecRole"], await Names("roles", """{ policies: { some: { path: { eq: "/service-role/" } } } }"""));
        Assert.Equal(["ec2"], await Names("services", "{ policies: { any: false } }"));
    }

    [EngineFact]
    public async Task Nested_object_and_deep_relation_filters()
    {
        Assert.Equal(["s3:Get*", "s3:GetObject"], await Names("actions", """{ service: { name: { eq: "s3" } } }"""));
        Assert.Equal(["S3:ListBucket"], await Names("actions", """{ service: { name: { eq: "S3" } } }"""));
        Assert.Equal(["all"], await Names("services", """{ policies: { some: { roles: { some: { name: { eq: "AdminRole" } } } } } }"""));
        Assert.Equal(["ecr:BatchGetImage", "iam:PassRole"],
            await Names("actions", """{ policies: { some: { path: { eq: "/service-role/" } } }, service: { name: { neq: "s3" } } }"""));
    }

    [EngineFact]
    public async Task Filters_apply_to_nested_connections()
    {
        var data = await api.DataAsync("""
            { policy(name: "AWSLambdaRole") { actions(where: { service: { name: { eq: "iam" } } }) { totalCount nodes { name } } } }
            """);
        Assert.Equal(["iam:PassRole"], data.At("policy", "actions").Names());
        Assert.Equal(1, data.At("policy", "actions", "totalCount").GetInt32());
    }

    [EngineFact]
    public async Task Filters_arrive_through_variables_too()
    {
        var serializer = api.Services.GetRequiredService<IGraphQLTextSerializer>();
        var variables = serializer.Deserialize<Inputs>("""{ "w": { "name": { "in": ["iam", "S3"] } } }""");
        var data = await api.DataAsync("query($w: ServiceFilterInput) { services(where: $w) { nodes { name } } }", variables);
        Assert.Equal(["S3", "iam"], data.At("services").Names());
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteFilterTests(SqliteCatalogFixture api) : FilterTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresFilterTests(PostgresCatalogFixture api) : FilterTests(api), IPostgresTests;
