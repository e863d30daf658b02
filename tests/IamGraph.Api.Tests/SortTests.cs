using GraphQL;
using GraphQL.SystemTextJson;

using IamGraph.Api.Common;
using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

public abstract class SortTests(ApiFixture api)
{
    // serviceCount ASC, then name DESC. Schema field order (name before serviceCount) would give names descending instead.
    private static readonly string[] ByServiceCountThenNameDesc =
        ["EmptyPolicy", "AmazonS3ReadOnlyAccess", "AmazonEC2ContainerRegistryReadOnly", "AdministratorAccess", "IAMReadOnlyAccess", "AWSLambdaRole"];

    /// <summary>Variables as the HTTP endpoint reads them: GraphQL.NET's System.Text.Json reader.</summary>
    private static Inputs Variables(string json) => new GraphQLSerializer().Deserialize<Inputs>(json)!;

    [EngineFact]
    public async Task Keys_of_one_sort_object_apply_in_the_order_written()
    {
        var data = await api.DataAsync("{ policies(first: 10, order: { serviceCount: ASC, name: DESC }) { nodes { name } } }");
        Assert.Equal(ByServiceCountThenNameDesc, data.At("policies").Names());
    }

    [EngineTheory]
    [InlineData("query($o: [PolicySortInput!]) { policies(first: 10, order: $o) { nodes { name } } }", """{"o": [{"serviceCount": "ASC", "name": "DESC"}]}""")]
    [InlineData("query($o: PolicySortInput!) { policies(first: 10, order: [$o]) { nodes { name } } }", """{"o": {"serviceCount": "ASC", "name": "DESC"}}""")]
    [InlineData("query($d: SortEnumType) { policies(first: 10, order: { serviceCount: $d, name: DESC }) { nodes { name } } }", """{"d": "ASC"}""")]
    [InlineData("query($o: [PolicySortInput!] = [{ serviceCount: ASC, name: DESC }]) { policies(first: 10, order: $o) { nodes { name } } }", "{}")]
    public async Task Keys_given_through_variables_apply_in_the_order_written(string query, string variables)
    {
        var data = await api.DataAsync(query, Variables(variables));
        Assert.Equal(ByServiceCountThenNameDesc, data.At("policies").Names());
    }

    [EngineFact]
    public async Task Several_keys_in_one_object_are_refused_when_their_written_order_is_unknown()
    {
        // A host may hand over variables as any dictionary; one that does not keep the written order cannot be sorted by it.
        var sorted = new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["serviceCount"] = "ASC", ["name"] = "DESC" };
        var single = new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["serviceCount"] = "ASC" };
        const string Query = "query($o: [PolicySortInput!]) { policies(first: 10, order: $o) { nodes { name } } }";

        var refused = await api.ExecuteAsync(Query, new Inputs(new Dictionary<string, object?> { ["o"] = new List<object?> { sorted } }));
        var oneKey = await api.DataAsync(Query, new Inputs(new Dictionary<string, object?> { ["o"] = new List<object?> { single } }));

        var error = refused.GetProperty("errors")[0];
        Assert.Equal(ErrorCodes.InvalidFilter, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("one key per object", error.GetProperty("message").GetString());
        Assert.Equal("EmptyPolicy", oneKey.At("policies").Names()[0]);
    }

    [EngineFact]
    public async Task Sorts_by_a_related_object_field()
    {
        var data = await api.DataAsync("{ actions(first: 20, order: [{ service: { name: DESC } }, { name: ASC }]) { nodes { name service { name } } } }");
        var services = data.At("actions").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("service").GetProperty("name").GetString()!).ToArray();
        var nested = await api.DataAsync("""{ role(name: "LambdaExecRole") { actions(first: 10, order: { service: { name: ASC }, name: DESC }) { nodes { name } } } }""");

        Assert.Equal(services.Order(StringComparer.Ordinal).Reverse(), services);
        Assert.Equal(["s3:Get*", "s3:GetObject"], data.At("actions").Names()[..2]);
        Assert.Equal(["ecr:BatchGetImage", "iam:PassRole", "s3:GetObject", "s3:Get*"], nested.At("role", "actions").Names());
    }

    [EngineFact]
    public async Task Sorts_by_id_and_by_flags()
    {
        var ascending = await api.DataAsync("{ services(first: 10, order: { id: ASC }) { nodes { id } } }");
        var descending = await api.DataAsync("{ services(first: 10, order: { id: DESC }) { nodes { id } } }");
        var managedFirst = await api.DataAsync("{ policies(first: 10, order: [{ awsManaged: DESC }, { name: DESC }]) { nodes { name } } }");

        Assert.Equal(ascending.At("services").Names("id").Reverse(), descending.At("services").Names("id"));
        Assert.Equal("EmptyPolicy", managedFirst.At("policies").Names()[^1]);
        Assert.Equal("IAMReadOnlyAccess", managedFirst.At("policies").Names()[0]);
    }

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
