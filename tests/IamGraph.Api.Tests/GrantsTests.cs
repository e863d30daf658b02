using System.Text.Json;

using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>Canonical variants, effective grants and case-insensitive lookups against the hand-computed <see cref="GrantsFixture"/>.</summary>
public abstract class GrantsTests(GrantsFixture api)
{
    [EngineFact]
    public async Task Ignore_case_lookup_returns_the_canonical_action_with_its_variants()
    {
        var data = await api.DataAsync("""
            { a: action(name: "S3:GETOBJECT", ignoreCase: true) { name isCanonical variants { name } canonical { name } }
              v: action(name: "S3:getobject") { isCanonical canonical { name } grantedByCount policyCount matchCount }
              exact: action(name: "s3:getobject") { name } }
            """);
        Assert.Equal("s3:GetObject", data.At("a", "name").GetString());
        Assert.True(data.At("a", "isCanonical").GetBoolean());
        Assert.Equal(["S3:getobject", "s3:GetObject"], data.At("a", "variants").EnumerateArray().Select(v => v.At("name").GetString()));
        Assert.Equal("s3:GetObject", data.At("a", "canonical", "name").GetString());
        Assert.False(data.At("v", "isCanonical").GetBoolean());
        Assert.Equal("s3:GetObject", data.At("v", "canonical", "name").GetString());
        // A variant answers grants for its canonical; its own literal count stays its own.
        Assert.Equal((8, 1, 1), (data.At("v", "grantedByCount").GetInt32(), data.At("v", "policyCount").GetInt32(), data.At("v", "matchCount").GetInt32()));
        Assert.Equal(JsonValueKind.Null, data.At("exact").ValueKind);
    }

    [EngineFact]
    public async Task Services_have_a_canonical_variant_and_ignore_case_lookups()
    {
        var data = await api.DataAsync("""
            { upper: service(name: "S3") { isCanonical canonical { name } variants { name } }
              any: service(name: "S3", ignoreCase: true) { name }
              policy(name: "s3admin", ignoreCase: true) { name effectiveActionCount }
              role(name: "BUILDER", ignoreCase: true) { name effectiveActionCount } }
            """);
        Assert.False(data.At("upper", "isCanonical").GetBoolean());
        Assert.Equal("s3", data.At("upper", "canonical", "name").GetString());
        Assert.Equal(["S3", "s3"], data.At("upper", "variants").EnumerateArray().Select(v => v.At("name").GetString()));
        Assert.Equal("s3", data.At("any", "name").GetString());
        Assert.Equal(("S3Admin", 3), (data.At("policy", "name").GetString(), data.At("policy", "effectiveActionCount").GetInt32()));
        Assert.Equal(("Builder", 4), (data.At("role", "name").GetString(), data.At("role", "effectiveActionCount").GetInt32()));
    }

    [EngineFact]
    public async Task GrantedBy_lists_every_granting_policy_with_the_patterns_that_matched()
    {
        var data = await api.DataAsync("""
            { action(name: "s3:GetObject") { grantedByCount grantedBy(first: 20) { totalCount edges { via node { name } } } policies { totalCount } } }
            """);
        var edges = data.At("action", "grantedBy", "edges").EnumerateArray()
            .Select(e => (e.At("node", "name").GetString(), string.Join(",", e.At("via").EnumerateArray().Select(v => v.GetString()))));
        Assert.Equal(
            [
                ("Admin", "*"), ("EcrPull", "s3:GetObject"), ("MixedCase", "S3:getobject"), ("S3Admin", "s3:*,s3:Get*"), ("S3GetAll", "s3:Get*"),
                ("S3Objects", "s3:*Object"), ("S3Question", "s3:Get?bject"), ("S3Reader", "s3:GetObject"),
            ],
            edges);
        Assert.Equal(8, data.At("action", "grantedBy", "totalCount").GetInt32());
        Assert.Equal(8, data.At("action", "grantedByCount").GetInt32());
        Assert.Equal(2, data.At("action", "policies", "totalCount").GetInt32());
    }

    [EngineFact]
    public async Task GrantedBy_takes_where_order_and_paging_and_a_variant_answers_for_its_canonical()
    {
        var data = await api.DataAsync("""
            { action(name: "S3:getobject") {
                grantedBy(first: 2, where: { name: { startsWithi: "S3" } }, order: [{ effectiveActionCount: DESC }]) { totalCount pageInfo { hasNextPage } nodes { name } } } }
            """);
        // S3Admin 3, then S3Objects 2 and S3Reader 2 by name; S3GetAll and S3Question 1.
        Assert.Equal(["S3Admin", "S3Objects"], data.At("action", "grantedBy").Names());
        Assert.Equal(5, data.At("action", "grantedBy", "totalCount").GetInt32());
        Assert.True(data.At("action", "grantedBy", "pageInfo", "hasNextPage").GetBoolean());
    }

    [EngineTheory]
    [InlineData("*", "ecr:BatchGetImage,ecr:GetDownloadUrlForLayer,iam:GetRole,iam:ListRoles,s3:GetObject,s3:ListBucket,s3:PutObject")]
    [InlineData("s3:*", "s3:GetObject,s3:ListBucket,s3:PutObject")]
    [InlineData("s3:*Object", "s3:GetObject,s3:PutObject")]
    [InlineData("s3:Get*", "s3:GetObject")]
    [InlineData("s3:Get?bject", "s3:GetObject")]
    [InlineData("S3:getobject", "s3:GetObject")]
    [InlineData("ecr:BatchGetImage", "ecr:BatchGetImage")]
    public async Task Matches_expands_each_wildcard_form_to_canonical_concrete_actions(string pattern, string expected)
    {
        var data = await api.DataAsync("query($n: String!) { action(name: $n) { matchCount matches(first: 50) { totalCount nodes { name } } } }",
            new GraphQL.Inputs(new Dictionary<string, object?> { ["n"] = pattern }));
        Assert.Equal(expected.Split(','), data.At("action", "matches").Names());
        Assert.Equal(expected.Split(',').Length, data.At("action", "matchCount").GetInt32());
    }

    [EngineFact]
    public async Task MatchedBy_lists_every_string_covering_an_action_and_patterns_grant_nothing_themselves()
    {
        var data = await api.DataAsync("""
            { a: action(name: "s3:GetObject") { matchedBy(first: 20) { nodes { name } } }
              p: action(name: "s3:Get*") { grantedByCount grantedBy { totalCount } } }
            """);
        Assert.Equal(["*", "S3:getobject", "s3:*", "s3:*Object", "s3:Get*", "s3:Get?bject", "s3:GetObject"], data.At("a", "matchedBy").Names());
        Assert.Equal(0, data.At("p", "grantedByCount").GetInt32());
        Assert.Equal(0, data.At("p", "grantedBy", "totalCount").GetInt32());
    }

    [EngineFact]
    public async Task Effective_actions_of_policies_and_roles()
    {
        var data = await api.DataAsync("""
            { policy(name: "S3Admin") { effectiveActionCount effectiveActions { totalCount nodes { name } } }
              admin: policy(name: "Admin") { effectiveActionCount effectiveActions(where: { name: { startsWith: "iam:" } }) { nodes { name } } }
              roles(first: 10) { nodes { name effectiveActionCount effectiveActions(first: 10) { nodes { name } } } } }
            """);
        Assert.Equal(["s3:GetObject", "s3:ListBucket", "s3:PutObject"], data.At("policy", "effectiveActions").Names());
        Assert.Equal(3, data.At("policy", "effectiveActionCount").GetInt32());
        Assert.Equal(7, data.At("admin", "effectiveActionCount").GetInt32());
        Assert.Equal(["iam:GetRole", "iam:ListRoles"], data.At("admin", "effectiveActions").Names());
        var roles = data.At("roles", "nodes").EnumerateArray().ToDictionary(r => r.At("name").GetString()!, r => (r.At("effectiveActionCount").GetInt32(), string.Join(",", r.At("effectiveActions").Names())));
        Assert.Equal((4, "iam:GetRole,iam:ListRoles,s3:GetObject,s3:PutObject"), roles["Auditor"]);
        Assert.Equal((4, "ecr:BatchGetImage,ecr:GetDownloadUrlForLayer,s3:GetObject,s3:ListBucket"), roles["Builder"]);
        Assert.Equal((0, ""), roles["Nobody"]);
    }

    [EngineTheory]
    [InlineData("""{ eqi: "S3:GETOBJECT" }""", "S3:getobject,s3:GetObject")]
    [InlineData("""{ containsi: "GETOBJ" }""", "S3:getobject,s3:GetObject")]
    [InlineData("""{ startsWithi: "S3:GET" }""", "S3:getobject,s3:Get*,s3:Get?bject,s3:GetObject")]
    [InlineData("""{ endsWithi: "OBJECT" }""", "S3:getobject,s3:*Object,s3:GetObject,s3:PutObject")]
    [InlineData("""{ ini: ["ECR:BATCHGETIMAGE", "iam:getrole"] }""", "ecr:BatchGetImage,iam:GetRole")]
    [InlineData("""{ neqi: "s3:getobject", startsWith: "s3:G" }""", "s3:Get*,s3:Get?bject")]
    [InlineData("""{ eq: "S3:GETOBJECT" }""", "")]
    public async Task Case_insensitive_string_operators(string nameFilter, string expected)
    {
        var data = await api.DataAsync($$"""{ actions(first: 50, where: { name: {{nameFilter}} }) { nodes { name } } }""");
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), data.At("actions").Names());
    }

    [EngineFact]
    public async Task Case_insensitive_operators_work_on_text_fields_without_a_key_column_and_on_new_count_fields()
    {
        var data = await api.DataAsync("""
            { policies(where: { arn: { containsi: "POLICY/S3A" } }) { nodes { name } }
              actions(first: 50, where: { grantedByCount: { gte: 4 } }, order: [{ grantedByCount: DESC }]) { nodes { name grantedByCount } }
              canonical: actions(first: 50, where: { isCanonical: { eq: false } }) { nodes { name } } }
            """);
        Assert.Equal(["S3Admin"], data.At("policies").Names());
        Assert.Equal(["s3:GetObject", "s3:PutObject"], data.At("actions").Names());
        Assert.Equal(["S3:getobject"], data.At("canonical").Names());
    }

    [EngineFact]
    public async Task Nested_grantedBy_is_one_statement_per_level()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("""
            { actions(first: 50, where: { isWildcard: { eq: false }, isCanonical: { eq: true } }) { nodes { name
                grantedBy(first: 50) { totalCount edges { via node { name effectiveActions(first: 50) { nodes { name } } } } } } } }
            """);
        // actions, then grantedBy for all 7 actions, then effectiveActions for all granting policies: 3, however many rows.
        Assert.Equal(3, statements.Count);
        var counts = data.At("actions", "nodes").EnumerateArray().Select(a => a.At("grantedBy", "totalCount").GetInt32());
        Assert.Equal([3, 2, 2, 2, 8, 3, 4], counts);
    }
}

[Collection(SqliteGrantsCollection.Name)]
public sealed class SqliteGrantsTests(SqliteGrantsFixture api) : GrantsTests(api);

[Collection(PostgresGrantsCollection.Name)]
public sealed class PostgresGrantsTests(PostgresGrantsFixture api) : GrantsTests(api), IPostgresTests;
