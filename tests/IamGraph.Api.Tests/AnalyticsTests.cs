using System.Text.Json;

using GraphQL;

using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>policiesGranting, commonActions, comparePolicies, leastPrivilege, stats and dataQuality against the hand-computed <see cref="GrantsFixture"/>.</summary>
public abstract class AnalyticsTests(GrantsFixture api)
{
    private async Task<string[]> GrantingAsync(string[] actions, string match = "ALL")
    {
        var data = await api.DataAsync($"query($a: [String!]!) {{ policiesGranting(actions: $a, match: {match}, first: 50) {{ totalCount nodes {{ name }} }} }}",
            new Inputs(new Dictionary<string, object?> { ["a"] = actions }));
        Assert.Equal(data.At("policiesGranting").Names().Length, data.At("policiesGranting", "totalCount").GetInt32());
        return data.At("policiesGranting").Names();
    }

    [EngineTheory]
    [InlineData("s3:GetObject|s3:PutObject", "ALL", "Admin,MixedCase,S3Admin,S3Objects")]
    [InlineData("s3:GetObject|s3:PutObject", "ANY", "Admin,EcrPull,MixedCase,S3Admin,S3GetAll,S3Objects,S3Question,S3Reader")]
    [InlineData("S3:PUT*", "ALL", "Admin,MixedCase,S3Admin,S3Objects")] // a pattern no policy writes: matched over the catalogue
    [InlineData("s3:*object", "ALL", "Admin,MixedCase,S3Admin,S3Objects")] // written as s3:*Object: stands for Get and PutObject
    [InlineData("s3:*", "ALL", "Admin,S3Admin")]
    [InlineData("*", "ALL", "Admin")]
    [InlineData("s3:Get?bject", "ALL", "Admin,EcrPull,MixedCase,S3Admin,S3GetAll,S3Objects,S3Question,S3Reader")]
    [InlineData("ecr:BatchGetImage|s3:ListBucket", "ALL", "Admin")]
    [InlineData("nosuch:Thing|iam:GetRole", "ALL", "")]
    [InlineData("nosuch:Thing|IAM:getrole", "ANY", "Admin,IamRead")]
    public async Task PoliciesGranting(string actions, string match, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), await GrantingAsync(actions.Split('|'), match));
    }

    [EngineFact]
    public async Task PoliciesGranting_takes_where_and_order()
    {
        var data = await api.DataAsync("""
            { policiesGranting(actions: ["s3:GetObject"], first: 10, where: { effectiveActionCount: { lte: 2 } }, order: [{ effectiveActionCount: DESC }]) { nodes { name } } }
            """);
        Assert.Equal(["S3Objects", "S3Reader", "S3GetAll", "S3Question"], data.At("policiesGranting").Names());
    }

    [EngineFact]
    public async Task Empty_action_lists_are_errors_with_a_code()
    {
        foreach (var query in (string[])["{ policiesGranting(actions: []) { totalCount } }", "{ leastPrivilege(actions: []) { actionCount } }", "{ commonActions { totalCount } }"])
        {
            var response = await api.ExecuteAsync(query);
            Assert.Equal("INVALID_ARGUMENT", response.At("errors")[0].At("extensions", "code").GetString());
        }
    }

    [EngineFact]
    public async Task CommonActions_intersects_policies_and_roles_by_name_or_arn()
    {
        var data = await api.DataAsync($$"""
            { p: commonActions(policies: ["S3Objects", "MixedCase"]) { nodes { name } }
              mixed: commonActions(roles: ["Builder"], policies: ["{{GrantsFixture.Arn("EcrPull")}}"]) { totalCount nodes { name } }
              roles: commonActions(roles: ["Builder", "arn:aws:iam::123456789012:role/Auditor"]) { nodes { name } }
              none: commonActions(roles: ["Nobody", "Builder"]) { totalCount } }
            """);
        Assert.Equal(["s3:GetObject", "s3:PutObject"], data.At("p").Names());
        Assert.Equal(["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "s3:GetObject"], data.At("mixed").Names());
        Assert.Equal(3, data.At("mixed", "totalCount").GetInt32());
        Assert.Equal(["s3:GetObject"], data.At("roles").Names());
        Assert.Equal(0, data.At("none", "totalCount").GetInt32());
    }

    [EngineFact]
    public async Task CommonActions_with_an_unknown_role_is_an_error()
    {
        var response = await api.ExecuteAsync("""{ commonActions(roles: ["Ghost"]) { totalCount } }""");
        Assert.Equal("UNKNOWN_ROLE", response.At("errors")[0].At("extensions", "code").GetString());
    }

    [EngineFact]
    public async Task ComparePolicies_splits_effective_actions_three_ways()
    {
        var data = await api.DataAsync("""
            { comparePolicies(a: "S3Admin", b: "arn:aws:iam::aws:policy/MixedCase") {
                a { name } b { name } commonCount onlyInACount onlyInBCount
                common { nodes { name } } onlyInA { nodes { name } } onlyInB { totalCount nodes { name } } } }
            """);
        var c = data.At("comparePolicies");
        Assert.Equal(("S3Admin", "MixedCase"), (c.At("a", "name").GetString(), c.At("b", "name").GetString()));
        Assert.Equal(["s3:GetObject", "s3:PutObject"], c.At("common").Names());
        Assert.Equal(["s3:ListBucket"], c.At("onlyInA").Names());
        Assert.Equal(["ecr:BatchGetImage"], c.At("onlyInB").Names());
        Assert.Equal((2, 1, 1), (c.At("commonCount").GetInt32(), c.At("onlyInACount").GetInt32(), c.At("onlyInBCount").GetInt32()));
    }

    [EngineFact]
    public async Task ComparePolicies_with_an_unknown_policy_is_an_error_with_a_code()
    {
        var response = await api.ExecuteAsync("""{ comparePolicies(a: "S3Admin", b: "NoSuchPolicy") { commonCount } }""");
        var error = response.At("errors")[0];
        Assert.Equal("UNKNOWN_POLICY", error.At("extensions", "code").GetString());
        Assert.Contains("NoSuchPolicy", error.At("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> LeastPrivilegeAsync(string arguments) =>
        (await api.DataAsync($$"""
            { leastPrivilege({{arguments}}) { actionCount singlePolicies { policy { name } extraActionCount } cover { name } ungranted } }
            """)).At("leastPrivilege");

    [EngineFact]
    public async Task LeastPrivilege_prefers_the_policy_with_fewest_extra_actions()
    {
        var result = await LeastPrivilegeAsync("""actions: ["s3:GetObject", "S3:putobject"]""");
        Assert.Equal(2, result.At("actionCount").GetInt32());
        var singles = result.At("singlePolicies").EnumerateArray().Select(s => (s.At("policy", "name").GetString(), s.At("extraActionCount").GetInt32()));
        Assert.Equal([("S3Objects", 0), ("MixedCase", 1), ("S3Admin", 1), ("Admin", 5)], singles);
        Assert.Equal(["S3Objects"], result.At("cover").EnumerateArray().Select(p => p.At("name").GetString()));
        Assert.Empty(result.At("ungranted").EnumerateArray());
    }

    [EngineFact]
    public async Task LeastPrivilege_falls_back_to_a_greedy_cover_when_no_single_policy_grants_everything()
    {
        var result = await LeastPrivilegeAsync("""actions: ["s3:GetObject", "s3:PutObject", "ecr:BatchGetImage", "iam:GetRole"], exclude: ["Admin"]""");
        Assert.Empty(result.At("singlePolicies").EnumerateArray());
        // MixedCase covers three of the four, then IamRead the last.
        Assert.Equal(["MixedCase", "IamRead"], result.At("cover").EnumerateArray().Select(p => p.At("name").GetString()));
    }

    [EngineFact]
    public async Task LeastPrivilege_reports_what_nothing_grants()
    {
        var result = await LeastPrivilegeAsync("""actions: ["s3:GetObject", "nosuch:Action", "s3:Nope*"], first: 3""");
        Assert.Equal(1, result.At("actionCount").GetInt32());
        Assert.Equal(["nosuch:Action", "s3:Nope*"], result.At("ungranted").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal([("S3GetAll", 0), ("S3Question", 0), ("S3Objects", 1)],
            result.At("singlePolicies").EnumerateArray().Select(s => (s.At("policy", "name").GetString(), s.At("extraActionCount").GetInt32())));

        var excluded = await LeastPrivilegeAsync("""actions: ["ecr:GetDownloadUrlForLayer"], exclude: ["Admin", "EcrPull"]""");
        Assert.Equal(["ecr:GetDownloadUrlForLayer"], excluded.At("ungranted").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(excluded.At("singlePolicies").EnumerateArray());
        Assert.Empty(excluded.At("cover").EnumerateArray());
    }

    [EngineFact]
    public async Task Stats_counts_the_catalogue_in_a_fixed_number_of_statements()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("""
            { stats { policies actions canonicalActions concreteActions services canonicalServices roles wildcardPatterns literalPairs effectiveGrants
                      importRun { source format importedAt toolVersion } } }
            """);
        Assert.InRange(statements.Count, 1, 12);
        var s = data.At("stats");
        int N(string f) => s.At(f).GetInt32();
        Assert.Equal((9, 13, 12, 7), (N("policies"), N("actions"), N("canonicalActions"), N("concreteActions")));
        Assert.Equal((5, 4, 3), (N("services"), N("canonicalServices"), N("roles")));
        // 16 literal pairs: S3Reader lists s3:ListBucket twice, kept once.
        Assert.Equal((5, 16, 24), (N("wildcardPatterns"), N("literalPairs"), N("effectiveGrants")));
        Assert.Equal(("/docs", "published"), (s.At("importRun", "source").GetString(), s.At("importRun", "format").GetString()));
        // Microseconds on both engines: PostgreSQL holds no finer, and SQLite is written the same instant.
        var importedAt = DateTimeOffset.Parse(s.At("importRun", "importedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, importedAt.Ticks % TimeSpan.TicksPerMicrosecond);
    }

    [EngineFact]
    public async Task Nullable_fields_sort_NULL_first_ascending_and_last_descending_on_every_engine()
    {
        // Findings: missing-page (policy:Ghost), duplicate-row (policy:S3Reader), unparsed-row (no entity).
        var data = await api.DataAsync("""
            { asc: dataQuality(order: [{ entity: ASC }]) { nodes { kind } }
              desc: dataQuality(order: [{ entity: DESC }]) { nodes { kind } }
              noEntity: dataQuality(where: { entity: { eq: null } }) { nodes { kind } }
              notGhost: dataQuality(where: { entity: { neq: "policy:Ghost" } }) { nodes { kind } } }
            """);
        Assert.Equal(["unparsed-row", "missing-page", "duplicate-row"], data.At("asc").Names("kind"));
        Assert.Equal(["duplicate-row", "missing-page", "unparsed-row"], data.At("desc").Names("kind"));
        Assert.Equal(["unparsed-row"], data.At("noEntity").Names("kind"));
        Assert.Equal(["duplicate-row", "unparsed-row"], data.At("notGhost").Names("kind"));
    }

    [EngineFact]
    public async Task DataQuality_lists_findings_with_where_and_order()
    {
        var data = await api.DataAsync("""
            { all: dataQuality(first: 50, order: [{ kind: ASC }]) { totalCount nodes { kind category entity file line declared actual message } }
              dup: dataQuality(where: { kind: { eq: "duplicate-row" }, category: { eqi: "WARNING" } }) { nodes { entity file line } }
              none: dataQuality(where: { category: { eq: "discrepancy" } }) { totalCount } }
            """);
        var dup = Assert.Single(data.At("dup", "nodes").EnumerateArray());
        Assert.Equal(("policy:S3Reader", "policies/s3reader.md", 12), (dup.At("entity").GetString(), dup.At("file").GetString(), dup.At("line").GetInt32()));
        var kinds = data.At("all", "nodes").EnumerateArray().Select(n => n.At("kind").GetString()).ToArray();
        Assert.Contains("missing-page", kinds);
        Assert.Equal(kinds.Order(StringComparer.Ordinal), kinds);
        Assert.Equal(0, data.At("none", "totalCount").GetInt32());
    }
}

[Collection(SqliteGrantsCollection.Name)]
public sealed class SqliteAnalyticsTests(SqliteGrantsFixture api) : AnalyticsTests(api);

[Collection(PostgresGrantsCollection.Name)]
public sealed class PostgresAnalyticsTests(PostgresGrantsFixture api) : AnalyticsTests(api), IPostgresTests;
