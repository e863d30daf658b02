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

    [EngineTheory]
    [InlineData("{ actionCount: { ngt: 1 } }", new[] { "AdministratorAccess", "AmazonEC2ContainerRegistryReadOnly", "EmptyPolicy" })]
    [InlineData("{ actionCount: { ngte: 2 } }", new[] { "AdministratorAccess", "AmazonEC2ContainerRegistryReadOnly", "EmptyPolicy" })]
    [InlineData("{ actionCount: { nlt: 2 } }", new[] { "AWSLambdaRole", "AmazonS3ReadOnlyAccess", "IAMReadOnlyAccess" })]
    [InlineData("{ actionCount: { nlte: 2 } }", new[] { "AWSLambdaRole" })]
    [InlineData("{ actionCount: { ngt: 2, nlt: 2 } }", new[] { "AmazonS3ReadOnlyAccess", "IAMReadOnlyAccess" })]
    public async Task Negated_comparisons_are_HotChocolates_ngt_ngte_nlt_nlte(string where, string[] expected) =>
        Assert.Equal(expected, await Names("policies", where));

    [EngineFact]
    public async Task Id_filters_take_the_global_ids_the_API_gives_out()
    {
        var policies = (await api.DataAsync("{ policies(first: 100) { nodes { id name } } }")).At("policies").GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("name").GetString()!, n => n.GetProperty("id").GetString()!);
        var actionId = (await api.DataAsync("""{ action(name: "*") { id } }""")).At("action", "id").GetString()!;
        var admin = policies["AdministratorAccess"];
        var empty = policies["EmptyPolicy"];
        // Another encoding of the same key ("Policy:01"), which the API never gives out.
        var padded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(admin)).Replace(":", ":0", StringComparison.Ordinal)));

        Assert.Equal(["AdministratorAccess"], await Names("policies", $$"""{ id: { eq: "{{admin}}" } }"""));
        Assert.Equal(["AdministratorAccess", "EmptyPolicy"], await Names("policies", $$"""{ id: { in: ["{{empty}}", "{{admin}}", "{{actionId}}", "not an id", "{{padded}}"] } }"""));
        Assert.Equal(policies.Count - 1, (await Names("policies", $$"""{ id: { neq: "{{admin}}" } }""")).Length);
        Assert.Equal(policies.Count, (await Names("policies", $$"""{ id: { nin: ["{{actionId}}", "{{padded}}"] } }""")).Length);
        Assert.Empty(await Names("policies", $$"""{ id: { eq: "{{actionId}}" } }"""));
        Assert.Equal(["*"], await Names("actions", $$"""{ id: { eq: "{{actionId}}" } }"""));
    }

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

    private static readonly string[] AllPolicies =
        ["AWSLambdaRole", "AdministratorAccess", "AmazonEC2ContainerRegistryReadOnly", "AmazonS3ReadOnlyAccess", "EmptyPolicy", "IAMReadOnlyAccess"];

    private static readonly string[] PoliciesWithActions = [.. AllPolicies.Where(p => p != "EmptyPolicy")];

    // eq/neq: null is "is null"/"is not null" (issue 14, defect 3), on every scalar kind, at every level: no column here is
    // nullable, so eq: null matches nothing and neq: null everything. A null item of in/nin/ini means the same.
    [EngineTheory]
    [InlineData("{ awsManaged: { eq: null } }")]
    [InlineData("{ actionCount: { eq: null } }")]
    [InlineData("{ name: { eq: null } }")]
    [InlineData("{ name: { eqi: null } }")]
    [InlineData("{ actionCount: { in: [null] } }")]
    [InlineData("{ name: { in: [null] } }")]
    [InlineData("{ name: { ini: [null] } }")]
    [InlineData("{ and: [{ awsManaged: { eq: null } }, { awsManaged: { neq: null } }] }")]
    [InlineData("{ actionCount: { or: [{ eq: null }] } }")]
    [InlineData("{ awsManaged: { and: [{ neq: null }, { eq: null }] } }")]
    [InlineData("{ actions: { some: { isWildcard: { eq: null } } } }")]
    [InlineData("{ actions: { some: { policyCount: { eq: null } } } }")]
    [InlineData("{ actions: { some: { service: { isCanonical: { eq: null } } } } }")]
    [InlineData("{ actions: { some: { service: { name: { eq: null } } } } }")]
    public async Task Null_operands_match_nothing_on_non_nullable_fields(string where) =>
        Assert.Empty(await Names("policies", where));

    [EngineTheory]
    [InlineData("{ awsManaged: { neq: null } }")]
    [InlineData("{ actionCount: { neq: null } }")]
    [InlineData("{ name: { neq: null } }")]
    [InlineData("{ name: { neqi: null } }")]
    [InlineData("{ actionCount: { nin: [null] } }")]
    [InlineData("{ name: { nin: [null] } }")]
    [InlineData("{ or: [{ awsManaged: { eq: null } }, { awsManaged: { neq: null } }] }")]
    [InlineData("{ actions: { none: { policyCount: { eq: null } } } }")]
    [InlineData("{ actions: { all: { isWildcard: { neq: null } } } }")]
    [InlineData("{ actions: { all: { service: { name: { neq: null } } } } }")]
    // and/or given as null are left out, as HotChocolate does.
    [InlineData("{ and: null, or: null }")]
    [InlineData("{ name: { and: null, or: null } }")]
    public async Task Negated_null_operands_match_everything_on_non_nullable_fields(string where) =>
        Assert.Equal(AllPolicies, await Names("policies", where));

    [EngineTheory]
    [InlineData("{ actionCount: { in: [0, null] } }", new[] { "EmptyPolicy" })]
    [InlineData("{ actionCount: { nin: [0, null] } }", new[] { "AWSLambdaRole", "AdministratorAccess", "AmazonEC2ContainerRegistryReadOnly", "AmazonS3ReadOnlyAccess", "IAMReadOnlyAccess" })]
    [InlineData("{ awsManaged: { or: [{ eq: null }, { eq: false }] } }", new[] { "EmptyPolicy" })]
    [InlineData("""{ name: { in: [null, "EmptyPolicy"] } }""", new[] { "EmptyPolicy" })]
    [InlineData("""{ name: { ini: [null, "emptypolicy"] } }""", new[] { "EmptyPolicy" })]
    [InlineData("""{ or: [{ actionCount: { eq: null } }, { name: { eq: "EmptyPolicy" } }] }""", new[] { "EmptyPolicy" })]
    public async Task Null_items_and_branches_add_nothing_on_non_nullable_fields(string where, string[] expected) =>
        Assert.Equal(expected, await Names("policies", where));

    [EngineFact]
    public async Task Null_operands_on_other_entities_and_nested_connections()
    {
        Assert.Empty(await Names("services", "{ isCanonical: { eq: null } }"));
        Assert.Equal(6, (await Names("services", "{ isCanonical: { neq: null } }")).Length);
        Assert.Empty(await Names("actions", "{ isWildcard: { eq: null } }"));
        Assert.Empty(await Names("actions", "{ service: { actionCount: { eq: null } } }"));
        var data = await api.DataAsync("""
            {
              policy(name: "AWSLambdaRole") {
                none: actions(where: { isWildcard: { eq: null } }) { totalCount }
                all: actions(where: { policyCount: { neq: null }, name: { neq: null } }) { totalCount }
                some: actions(where: { or: [{ roleCount: { eq: null } }, { name: { eq: "iam:PassRole" } }] }) { totalCount nodes { name } }
              }
            }
            """);
        Assert.Equal(0, data.At("policy", "none", "totalCount").GetInt32());
        Assert.Equal(3, data.At("policy", "all", "totalCount").GetInt32());
        Assert.Equal(["iam:PassRole"], data.At("policy", "some").Names());
    }

    [EngineFact]
    public async Task Null_operands_arrive_through_variables_and_omitted_variables_filter_nothing()
    {
        const string query = "query($v: Boolean, $n: Int, $s: String) { policies(first: 100, where: { awsManaged: { eq: $v }, actionCount: { neq: $n }, name: { eq: $s } }) { nodes { name } } }";
        var serializer = api.Services.GetRequiredService<IGraphQLTextSerializer>();
        Assert.Empty((await api.DataAsync(query, serializer.Deserialize<Inputs>("""{ "v": null }"""))).At("policies").Names());
        Assert.Empty((await api.DataAsync(query, serializer.Deserialize<Inputs>("""{ "s": null }"""))).At("policies").Names());
        Assert.Equal(AllPolicies, (await api.DataAsync(query, serializer.Deserialize<Inputs>("""{ "n": null }"""))).At("policies").Names());
        // A variable not given leaves its operation out: no condition at all.
        Assert.Equal(AllPolicies, (await api.DataAsync(query, serializer.Deserialize<Inputs>("{}"))).At("policies").Names());

        var whole = "query($w: PolicyFilterInput) { policies(first: 100, where: $w) { nodes { name } } }";
        Assert.Empty((await api.DataAsync(whole, serializer.Deserialize<Inputs>("""{ "w": { "actionCount": { "eq": null } } }"""))).At("policies").Names());
        Assert.Equal(["EmptyPolicy"], (await api.DataAsync(whole, serializer.Deserialize<Inputs>("""{ "w": { "actionCount": { "in": [null, 0] } } }"""))).At("policies").Names());
    }

    // Null where it has no meaning is an error, as in HotChocolate, rather than silently matching everything.
    [EngineTheory]
    [InlineData("policies", "{ actionCount: { gt: null } }")]
    [InlineData("policies", "{ actionCount: { gte: null } }")]
    [InlineData("policies", "{ actionCount: { lt: null } }")]
    [InlineData("policies", "{ actionCount: { lte: null } }")]
    [InlineData("policies", "{ actionCount: { in: null } }")]
    [InlineData("policies", "{ actionCount: { nin: null } }")]
    [InlineData("policies", "{ name: { contains: null } }")]
    [InlineData("policies", "{ name: { ncontains: null } }")]
    [InlineData("policies", "{ name: { startsWith: null } }")]
    [InlineData("policies", "{ name: { nstartsWith: null } }")]
    [InlineData("policies", "{ name: { endsWith: null } }")]
    [InlineData("policies", "{ name: { nendsWith: null } }")]
    [InlineData("policies", "{ name: { containsi: null } }")]
    [InlineData("policies", "{ name: { startsWithi: null } }")]
    [InlineData("policies", "{ name: { endsWithi: null } }")]
    [InlineData("policies", "{ name: { in: null } }")]
    [InlineData("policies", "{ name: { ini: null } }")]
    [InlineData("policies", "{ name: null }")]
    [InlineData("policies", "{ awsManaged: null }")]
    [InlineData("policies", "{ actions: null }")]
    [InlineData("policies", "{ actions: { some: null } }")]
    [InlineData("policies", "{ actions: { none: null } }")]
    [InlineData("policies", "{ actions: { all: null } }")]
    [InlineData("policies", "{ actions: { any: null } }")]
    [InlineData("policies", "{ or: [{ actions: { some: { name: { contains: null } } } }] }")]
    [InlineData("actions", "{ service: null }")]
    public async Task Null_where_it_means_nothing_is_an_invalid_filter(string root, string where)
    {
        var response = await api.ExecuteAsync($"{{ {root}(where: {where}) {{ totalCount }} }}");
        Assert.Equal("INVALID_FILTER", response.At("errors")[0].At("extensions", "code").GetString());
    }

    // An empty filter object matches everything wherever it stands (issue 14, defect 5); and: [] is true, or: [] false.
    [EngineTheory]
    [InlineData("{}")]
    [InlineData("{ or: [{}] }")]
    [InlineData("""{ or: [{ name: { eq: "nope" } }, {}] }""")]
    [InlineData("""{ or: [{}, { name: { eq: "nope" } }] }""")]
    [InlineData("""{ or: [{ and: [] }, { name: { eq: "nope" } }] }""")]
    [InlineData("{ and: [] }")]
    [InlineData("{ and: [{}, {}] }")]
    [InlineData("{ name: {} }")]
    [InlineData("""{ name: { or: [{ eq: "nope" }, {}] } }""")]
    [InlineData("{ name: { and: [] } }")]
    [InlineData("{ actionCount: { or: [{}] } }")]
    [InlineData("{ awsManaged: {}, actionCount: {}, name: {} }")]
    [InlineData("{ actions: {} }")]
    [InlineData("{ actions: { all: {} } }")]
    [InlineData("{ actions: { none: { or: [] } } }")]
    [InlineData("{ actions: { all: { service: {} } } }")]
    public async Task Empty_objects_match_everything(string where) =>
        Assert.Equal(AllPolicies, await Names("policies", where));

    [EngineTheory]
    [InlineData("{ or: [] }")]
    [InlineData("{ or: [{ or: [] }] }")]
    [InlineData("{ and: [{}, { or: [] }] }")]
    [InlineData("{ name: { or: [] } }")]
    [InlineData("{ actionCount: { and: [{}, { or: [] }] } }")]
    [InlineData("{ actions: { some: { or: [] } } }")]
    public async Task An_empty_or_matches_nothing(string where) =>
        Assert.Empty(await Names("policies", where));

    [EngineFact]
    public async Task Empty_objects_inside_relations_and_nested_connections()
    {
        Assert.Equal(PoliciesWithActions, await Names("policies", "{ actions: { some: {} } }"));
        Assert.Equal(PoliciesWithActions, await Names("policies", "{ actions: { some: { service: {} } } }"));
        Assert.Equal(PoliciesWithActions, await Names("policies", """{ actions: { some: { or: [{ name: { eq: "nope" } }, {}] } } }"""));
        Assert.Equal(["EmptyPolicy"], await Names("policies", "{ actions: { none: {} } }"));
        Assert.Equal(["EmptyPolicy"], await Names("policies", "{ actions: { all: { or: [] } } }"));
        Assert.Equal(["EmptyPolicy"], await Names("policies", """{ or: [{ or: [] }, { name: { eq: "EmptyPolicy" } }] }"""));
        Assert.Equal(["EmptyPolicy"], await Names("policies", """{ name: { or: [{ eq: "EmptyPolicy" }, { or: [] }] } }"""));
        Assert.Equal(["AdminRole", "LambdaExecRole"], await Names("roles", """{ policies: { some: { or: [{ name: { eq: "nope" } }, { actions: { some: {} } }] } } }"""));
        var data = await api.DataAsync("""
            {
              policy(name: "AWSLambdaRole") {
                any: actions(where: { or: [{ name: { eq: "nope" } }, {}] }) { totalCount }
                none: actions(where: { or: [] }) { totalCount }
              }
            }
            """);
        Assert.Equal(3, data.At("policy", "any", "totalCount").GetInt32());
        Assert.Equal(0, data.At("policy", "none", "totalCount").GetInt32());
    }

    /// <summary>
    /// Strings no stored value can contain (NUL, which PostgreSQL text cannot hold; unpaired surrogates, which UTF-8 cannot
    /// encode) in every string operator: positive operators match nothing, negated ones everything, on both engines
    /// (issue 14, defect 6). Other control characters are ordinary text that matches nothing here.
    /// </summary>
    [EngineFact]
    public async Task Unstorable_and_control_characters_in_every_string_operator()
    {
        string[] all = ["S3", "all", "ec2", "ecr", "iam", "s3"];
        string[] values = [@"s3\u0000", @"\u0000", @"i\u0000am", @"\uD83D", @"\uDE00", @"s3\uD800x", @"\u0001", @"\u001F", @"\u007F", @"\t", @"\n", @"s3\r"];
        var failures = new List<string>();
        async Task Expect(string where, string[] expected)
        {
            var response = await api.ExecuteAsync($"{{ services(first: 100, where: {where}) {{ nodes {{ name }} }} }}");
            var actual = response.TryGetProperty("errors", out var errors) ? errors.ToString() : string.Join(",", response.At("data", "services").Names());
            if (actual != string.Join(",", expected))
            {
                failures.Add($"{where}: {actual}");
            }
        }
        foreach (var value in values)
        {
            foreach (var op in (string[])["eq", "contains", "startsWith", "endsWith", "eqi", "containsi", "startsWithi", "endsWithi"])
            {
                await Expect($"{{ name: {{ {op}: \"{value}\" }} }}", []);
            }
            foreach (var op in (string[])["neq", "ncontains", "nstartsWith", "nendsWith", "neqi"])
            {
                await Expect($"{{ name: {{ {op}: \"{value}\" }} }}", all);
            }
            await Expect($"{{ name: {{ in: [\"{value}\"] }} }}", []);
            await Expect($"{{ name: {{ in: [\"{value}\", \"iam\"] }} }}", ["iam"]);
            await Expect($"{{ name: {{ ini: [\"{value}\", \"IAM\"] }} }}", ["iam"]);
            await Expect($"{{ name: {{ nin: [\"{value}\"] }} }}", all);
            await Expect($"{{ name: {{ nin: [\"{value}\", \"iam\"] }} }}", ["S3", "all", "ec2", "ecr", "s3"]);
            await Expect($"{{ or: [{{ name: {{ eq: \"{value}\" }} }}, {{ name: {{ eq: \"ecr\" }} }}] }}", ["ecr"]);
            await Expect($"{{ policies: {{ some: {{ name: {{ contains: \"{value}\" }} }} }} }}", []);
            await Expect($"{{ actions: {{ all: {{ name: {{ ncontains: \"{value}\" }} }} }} }}", all);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [EngineFact]
    public async Task Unstorable_characters_arrive_through_variables_and_nested_connections()
    {
        var query = "query($v: String, $l: [String]) { services(first: 100, where: { name: { startsWith: $v }, or: [{ name: { in: $l } }, { name: { neq: $v } }] }) { nodes { name } } }";
        var data = await api.DataAsync(query, new Inputs(new Dictionary<string, object?> { ["v"] = "s\0", ["l"] = new object?[] { "s3\0" } }));
        Assert.Empty(data.At("services").Names());
        data = await api.DataAsync("""
            {
              policy(name: "AWSLambdaRole") {
                eq: actions(where: { name: { eq: "iam:PassRole\u0000" } }) { totalCount }
                neq: actions(where: { name: { neq: "iam:PassRole\u0000" } }) { totalCount }
                eqi: actions(where: { name: { eqi: "\uD800" } }) { totalCount }
              }
            }
            """);
        Assert.Equal(0, data.At("policy", "eq", "totalCount").GetInt32());
        Assert.Equal(3, data.At("policy", "neq", "totalCount").GetInt32());
        Assert.Equal(0, data.At("policy", "eqi", "totalCount").GetInt32());
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
