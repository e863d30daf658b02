using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

public abstract class RootAndLookupTests(ApiFixture api)
{
    [EngineFact]
    public async Task Services_are_ordered_by_ordinal_name_with_case_variants_distinct()
    {
        var data = await api.DataAsync("{ services(first: 10) { nodes { name actionCount policyCount roleCount } } }");
        Assert.Equal(["S3", "all", "ec2", "ecr", "iam", "s3"], data.At("services").Names());
        var s3 = data.At("services", "nodes")[5];
        Assert.Equal((2, 2, 1), (s3.At("actionCount").GetInt32(), s3.At("policyCount").GetInt32(), s3.At("roleCount").GetInt32()));
        var upper = data.At("services", "nodes")[0];
        Assert.Equal((1, 1, 0), (upper.At("actionCount").GetInt32(), upper.At("policyCount").GetInt32(), upper.At("roleCount").GetInt32()));
    }

    [EngineFact]
    public async Task Policies_expose_their_columns()
    {
        var data = await api.DataAsync("{ policies(first: 10) { nodes { name arn path awsManaged actionCount serviceCount roleCount } } }");
        Assert.Equal(["AWSLambdaRole", "AdministratorAccess", "AmazonEC2ContainerRegistryReadOnly", "AmazonS3ReadOnlyAccess", "EmptyPolicy", "IAMReadOnlyAccess"], data.At("policies").Names());
        var lambda = data.At("policies", "nodes")[0];
        Assert.Equal("arn:aws:iam::aws:policy/service-role/AWSLambdaRole", lambda.At("arn").GetString());
        Assert.Equal("/service-role/", lambda.At("path").GetString());
        Assert.True(lambda.At("awsManaged").GetBoolean());
        Assert.Equal((3, 3, 1), (lambda.At("actionCount").GetInt32(), lambda.At("serviceCount").GetInt32(), lambda.At("roleCount").GetInt32()));
        var empty = data.At("policies", "nodes")[4];
        Assert.False(empty.At("awsManaged").GetBoolean());
        Assert.Equal("arn:aws:iam::123456789012:policy/EmptyPolicy", empty.At("arn").GetString());
    }

    [EngineFact]
    public async Task Actions_are_ordered_ordinally_and_flag_wildcards()
    {
        var data = await api.DataAsync("{ actions(first: 10) { nodes { name isWildcard policyCount roleCount } } }");
        Assert.Equal(["*", "S3:ListBucket", "ec2:RunInstances", "ecr:BatchGetImage", "iam:GetRole", "iam:PassRole", "s3:Get*", "s3:GetObject"], data.At("actions").Names());
        var wildcards = data.At("actions", "nodes").EnumerateArray().Where(n => n.At("isWildcard").GetBoolean()).Select(n => n.At("name").GetString());
        Assert.Equal(["*", "s3:Get*"], wildcards);
        var ecr = data.At("actions", "nodes")[3];
        Assert.Equal((2, 1), (ecr.At("policyCount").GetInt32(), ecr.At("roleCount").GetInt32()));
    }

    [EngineFact]
    public async Task Roles_expose_their_columns()
    {
        var data = await api.DataAsync("{ roles { nodes { name arn path policyCount actionCount serviceCount } } }");
        Assert.Equal(["AdminRole", "LambdaExecRole"], data.At("roles").Names());
        var lambda = data.At("roles", "nodes")[1];
        Assert.Equal("arn:aws:iam::123456789012:role/LambdaExecRole", lambda.At("arn").GetString());
        Assert.Equal((2, 4, 3), (lambda.At("policyCount").GetInt32(), lambda.At("actionCount").GetInt32(), lambda.At("serviceCount").GetInt32()));
        Assert.Equal("/admin/", data.At("roles", "nodes")[0].At("path").GetString());
    }

    [EngineFact]
    public async Task Without_first_or_last_a_page_holds_the_default_page_size()
    {
        // The fixture sets DefaultPageSize = 3.
        var data = await api.DataAsync("{ services { nodes { name } pageInfo { hasNextPage } } }");
        Assert.Equal(["S3", "all", "ec2"], data.At("services").Names());
        Assert.True(data.At("services", "pageInfo", "hasNextPage").GetBoolean());
    }

    [EngineFact]
    public async Task Policy_is_found_by_arn_or_by_name()
    {
        var data = await api.DataAsync("""
            {
              byArn: policy(arn: "arn:aws:iam::aws:policy/service-role/AWSLambdaRole") { name }
              byName: policy(name: "IAMReadOnlyAccess") { arn }
              both: policy(arn: "arn:aws:iam::aws:policy/AdministratorAccess", name: "AdministratorAccess") { name }
              mismatch: policy(arn: "arn:aws:iam::aws:policy/AdministratorAccess", name: "EmptyPolicy") { name }
              missing: policy(name: "NoSuchPolicy") { name }
              none: policy { name }
            }
            """);
        Assert.Equal("AWSLambdaRole", data.At("byArn", "name").GetString());
        Assert.Equal("arn:aws:iam::aws:policy/IAMReadOnlyAccess", data.At("byName", "arn").GetString());
        Assert.Equal("AdministratorAccess", data.At("both", "name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.At("mismatch").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.At("missing").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.At("none").ValueKind);
    }

    [EngineFact]
    public async Task Action_and_service_lookups_are_exact_and_case_sensitive()
    {
        var data = await api.DataAsync("""
            {
              wildcard: action(name: "s3:Get*") { name isWildcard service { name } }
              wrongCase: action(name: "S3:GetObject") { name }
              upper: service(name: "S3") { name actionCount }
              lower: service(name: "s3") { name actionCount }
              missing: service(name: "S4") { name }
            }
            """);
        Assert.True(data.At("wildcard", "isWildcard").GetBoolean());
        Assert.Equal("s3", data.At("wildcard", "service", "name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.At("wrongCase").ValueKind);
        Assert.Equal(1, data.At("upper", "actionCount").GetInt32());
        Assert.Equal(2, data.At("lower", "actionCount").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.At("missing").ValueKind);
    }

    [EngineFact]
    public async Task Role_is_found_by_arn_or_by_name()
    {
        var data = await api.DataAsync("""
            {
              byArn: role(arn: "arn:aws:iam::123456789012:role/admin/AdminRole") { name }
              byName: role(name: "LambdaExecRole") { arn }
              missing: role(name: "lambdaexecrole") { name }
            }
            """);
        Assert.Equal("AdminRole", data.At("byArn", "name").GetString());
        Assert.Equal("arn:aws:iam::123456789012:role/LambdaExecRole", data.At("byName", "arn").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.At("missing").ValueKind);
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteRootAndLookupTests(SqliteCatalogFixture api) : RootAndLookupTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresRootAndLookupTests(PostgresCatalogFixture api) : RootAndLookupTests(api), IPostgresTests;
