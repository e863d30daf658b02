using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

public abstract class SortTests(ApiFixture api)
{
    [EngineFact]
    public async Task Top_services_by_policy_count_break_ties_by_ordinal_name()
    {
        // policyCount: ecr 2, iam 2, s3 2, S3 1, all 1, ec2 0.
        var data = await api.DataAsync("{ services(first: 10, order: [{ policyCount: DESC }]) { nodes { name policyCount } } }");
        Assert.Equal(["ecr", "iam", "s3", "S3", "all", "ec2"], data.At("services").Names());
    }

    [EngineFact]
    public async Task Orders_by_count_ascending_and_by_name_descending()
    {
        var byCount = await api.DataAsync("{ policies(first: 10, order: [{ actionCount: ASC }]) { nodes { name } } }");
        Assert.Equal(["EmptyPolicy", "AdministratorAccess", "AmazonEC2ContainerRegistryReadOnly", "AmazonS3ReadOnlyAccess", "IAMReadOnlyAccess", "AWSLambdaRole"], byCount.At("policies").Names());
        var byName = await api.DataAsync("{ services(first: 10, order: [{ name: DESC }]) { nodes { name } } }");
        Assert.Equal(["s3", "iam", "ecr", "ec2", "all", "S3"], byName.At("services").Names());
    }

    [EngineFact]
    public async Task Several_sort_keys_apply_in_order()
    {
        // serviceCount: AWSLambdaRole 3, IAMReadOnlyAccess 2, then three with 1 by name DESC, EmptyPolicy 0.
        var data = await api.DataAsync("{ policies(first: 10, order: [{ serviceCount: DESC }, { name: DESC }]) { nodes { name } } }");
        Assert.Equal(["AWSLambdaRole", "IAMReadOnlyAccess", "AmazonS3ReadOnlyAccess", "AmazonEC2ContainerRegistryReadOnly", "AdministratorAccess", "EmptyPolicy"], data.At("policies").Names());
    }

    [EngineFact]
    public async Task Nested_connections_sort_too()
    {
        // LambdaExecRole's actions: s3:GetObject 2 and ecr:BatchGetImage 2 policies, iam:PassRole 1 and s3:Get* 1.
        var data = await api.DataAsync("""{ role(name: "LambdaExecRole") { actions(first: 10, order: [{ policyCount: DESC }]) { nodes { name } } } }""");
        Assert.Equal(["ecr:BatchGetImage", "s3:GetObject", "iam:PassRole", "s3:Get*"], data.At("role", "actions").Names());
    }

    [EngineFact]
    public async Task Paging_follows_the_requested_order()
    {
        var data = await api.DataAsync("""{ services(first: 2, after: "MQ==", order: [{ policyCount: DESC }]) { nodes { name } } }""");
        Assert.Equal(["s3", "S3"], data.At("services").Names());
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteSortTests(SqliteCatalogFixture api) : SortTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresSortTests(PostgresCatalogFixture api) : SortTests(api), IPostgresTests;
