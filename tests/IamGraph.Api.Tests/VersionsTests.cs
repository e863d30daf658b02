using System.Text.Json;

using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>Issue 9's GraphQL side over <see cref="VersionsFixture"/>: versions, statements, the catalogue's relations, grant edges, access summaries.</summary>
public abstract class VersionsTests(VersionsFixture api)
{
    [EngineFact]
    public async Task Versions_come_newest_first_by_version_number_with_the_default_and_dates()
    {
        var data = await api.DataAsync("""
            { writer: policy(name: "Writer") { defaultVersion { versionId isDefault createdAt } versions(first: 10) { totalCount nodes { versionId isDefault createdAt } } }
              docsOnly: policy(name: "DocsOnly") { defaultVersion { versionId } versions { totalCount nodes { versionId } } } }
            """);
        var writer = data.At("writer");
        // v10 after v9 and v2 by number, although "v10" < "v2" as text.
        Assert.Equal(["v10", "v2", "v1"], writer.At("versions").Names("versionId"));
        Assert.Equal(3, writer.At("versions", "totalCount").GetInt32());
        Assert.Equal([true, false, false], writer.At("versions", "nodes").EnumerateArray().Select(v => v.At("isDefault").GetBoolean()));
        Assert.Equal(VersionsFixture.WriterV10Created, writer.At("versions", "nodes")[0].At("createdAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, writer.At("versions", "nodes")[1].At("createdAt").ValueKind);
        Assert.Equal("v10", writer.At("defaultVersion", "versionId").GetString());
        Assert.True(writer.At("defaultVersion", "isDefault").GetBoolean());

        Assert.Equal(JsonValueKind.Null, data.At("docsOnly", "defaultVersion").ValueKind);
        Assert.Equal(0, data.At("docsOnly", "versions", "totalCount").GetInt32());
    }

    [EngineFact]
    public async Task Versions_filter_sort_and_page_like_other_connections()
    {
        var data = await api.DataAsync("""
            { policy(name: "Writer") {
                old: versions(where: { isDefault: { eq: false } }) { nodes { versionId } }
                byId: versions(where: { versionId: { in: ["v2", "v10"] } }) { nodes { versionId } }
                defaultLast: versions(order: { isDefault: ASC }) { nodes { versionId } }
                first: versions(first: 1) { pageInfo { hasNextPage endCursor } nodes { versionId } } } }
            """);
        var policy = data.At("policy");
        Assert.Equal(["v2", "v1"], policy.At("old").Names("versionId"));
        Assert.Equal(["v10", "v2"], policy.At("byId").Names("versionId"));
        Assert.Equal(["v2", "v1", "v10"], policy.At("defaultLast").Names("versionId"));
        Assert.Equal(["v10"], policy.At("first").Names("versionId"));
        Assert.True(policy.At("first", "pageInfo", "hasNextPage").GetBoolean());

        var cursor = policy.At("first", "pageInfo", "endCursor").GetString();
        var next = await api.DataAsync($$"""{ policy(name: "Writer") { versions(first: 5, after: "{{cursor}}") { nodes { versionId } } } }""");
        Assert.Equal(["v2", "v1"], next.At("policy", "versions").Names("versionId"));
    }

    [EngineFact]
    public async Task A_version_says_which_action_strings_it_added_and_removed_ignoring_case()
    {
        var data = await api.DataAsync("""
            { policy(name: "Writer") { versions(first: 10) { nodes { versionId addedActions removedActions } } } }
            """);
        var changes = data.At("policy", "versions", "nodes").EnumerateArray()
            .ToDictionary(v => v.At("versionId").GetString()!, v => (Added: Joined(v.At("addedActions")), Removed: Joined(v.At("removedActions"))));

        Assert.Equal(("s3:GetObject", ""), changes["v1"]);
        Assert.Equal(("s3:DeleteObject,s3:ListBucket", ""), changes["v2"]);
        // Against v2 (v3-v9 are not stored): S3:getobject is s3:GetObject ignoring case, so neither added nor removed.
        Assert.Equal(("iam:PassRole,s3:Put*,s3:PutObjectAcl", "s3:DeleteObject"), changes["v10"]);
    }

    [EngineFact]
    public async Task Statements_give_effect_actions_resources_and_condition_as_published()
    {
        var data = await api.DataAsync("""
            { writer: policy(name: "Writer") { defaultVersion { statements { sid effect actions notActions resources notResources condition } } }
              powerUser: policy(name: "PowerUser") { defaultVersion { statements { effect actions notActions resources notResources condition } } }
              denyAll: policy(name: "DenyAll") { defaultVersion { document statements { effect actions resources } } } }
            """);
        var writer = data.At("writer", "defaultVersion", "statements").EnumerateArray().ToArray();
        Assert.Equal(
            [
                (null, "ALLOW", "S3:getobject,s3:Put*", "", "*", ""),
                (null, "ALLOW", "s3:ListBucket", "", VersionsFixture.Bucket, ""),
                (null, "ALLOW", "iam:PassRole", "", "*", ""),
                ("Deny3", "DENY", "s3:PutObjectAcl", "", "*", ""),
                ("Deny4", "DENY", "s3:GetObject", "", "*", ""),
            ],
            writer.Select(s => (s.At("sid").ValueKind == JsonValueKind.Null ? null : s.At("sid").GetString(), s.At("effect").GetString(), Joined(s.At("actions")),
                Joined(s.At("notActions")), Joined(s.At("resources")), Joined(s.At("notResources")))));
        // Condition is the JSON object itself, not a string holding it.
        Assert.Equal(JsonValueKind.Object, writer[2].At("condition").ValueKind);
        Assert.Equal("ec2.amazonaws.com", writer[2].At("condition", "StringEquals", "iam:PassedToService").GetString());
        Assert.Equal("false", writer[4].At("condition", "Bool", "aws:SecureTransport").GetString());
        Assert.Equal(JsonValueKind.Null, writer[0].At("condition").ValueKind);

        var powerUser = data.At("powerUser", "defaultVersion", "statements").EnumerateArray().ToArray();
        Assert.Equal(("", "iam:*", "*", ""), (Joined(powerUser[0].At("actions")), Joined(powerUser[0].At("notActions")), Joined(powerUser[0].At("resources")), Joined(powerUser[0].At("notResources"))));
        Assert.Equal(("iam:PassRole", "", "arn:aws:iam::*:role/admin"), (Joined(powerUser[2].At("actions")), Joined(powerUser[2].At("resources")), Joined(powerUser[2].At("notResources"))));

        // The document as published, a JSON value: here a Statement given as a single object.
        var denyAll = data.At("denyAll", "defaultVersion");
        Assert.Equal(JsonValueKind.Object, denyAll.At("document").ValueKind);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(VersionsFixture.DenyAllDocument).RootElement, denyAll.At("document")));
        Assert.Equal(("DENY", "*", "*"), (denyAll.At("statements")[0].At("effect").GetString(), Joined(denyAll.At("statements")[0].At("actions")), Joined(denyAll.At("statements")[0].At("resources"))));
    }

    [EngineFact]
    public async Task Effective_action_edges_say_how_the_policy_grants()
    {
        var data = await api.DataAsync("""
            fragment grants on ActionGrantConnection { totalCount edges { via unrestricted limitedBy possiblyDenied node { name } } }
            { writer: policy(name: "Writer") { effectiveActionCount effectiveActions(first: 20) { ...grants } }
              powerUser: policy(name: "PowerUser") { effectiveActionCount effectiveActions(first: 20) { ...grants } }
              docsOnly: policy(name: "DocsOnly") { effectiveActions(first: 20) { ...grants } }
              denyAll: policy(name: "DenyAll") { effectiveActionCount effectiveActions { ...grants } } }
            """);
        Assert.Equal(
            [
                ("iam:PassRole", "iam:PassRole", (bool?)false, "CONDITION", false),
                ("s3:GetObject", "S3:getobject", true, "", true),
                ("s3:ListBucket", "s3:ListBucket", false, "RESOURCE", false),
                ("s3:PutObject", "s3:Put*", true, "", false),
            ],
            Grants(data.At("writer", "effectiveActions")));
        Assert.Equal(4, data.At("writer", "effectiveActionCount").GetInt32());

        Assert.Equal(
            [
                ("iam:GetRole", "iam:GetRole", (bool?)true, "", false),
                ("iam:PassRole", "iam:PassRole", false, "NOT_RESOURCE", false),
                ("s3:DeleteObject", "NotAction#0", true, "", false),
                ("s3:GetObject", "NotAction#0", true, "", false),
                ("s3:ListBucket", "NotAction#0", true, "", false),
                ("s3:PutObject", "NotAction#0", true, "", false),
                ("s3:PutObjectAcl", "NotAction#0", true, "", false),
                ("s3:TagResource", "NotAction#0", true, "", false),
            ],
            Grants(data.At("powerUser", "effectiveActions")));

        // The docs do not say: unrestricted is null.
        Assert.Equal(
            [("iam:GetRole", "iam:*", (bool?)null, "", false), ("iam:PassRole", "iam:*", null, "", false), ("iam:PutRolePolicy", "iam:*", null, "", false)],
            Grants(data.At("docsOnly", "effectiveActions")));

        Assert.Equal(0, data.At("denyAll", "effectiveActionCount").GetInt32());
        Assert.Equal(0, data.At("denyAll", "effectiveActions", "totalCount").GetInt32());
    }

    [EngineFact]
    public async Task Grant_fields_keep_only_unrestricted_or_only_limited_grants()
    {
        var data = await api.DataAsync("""
            { writer: policy(name: "Writer") { yes: effectiveActions(unrestricted: true) { totalCount nodes { name } } no: effectiveActions(unrestricted: false) { nodes { name } } }
              docsOnly: policy(name: "DocsOnly") { yes: effectiveActions(unrestricted: true) { totalCount } no: effectiveActions(unrestricted: false) { totalCount } all: effectiveActions { totalCount } }
              passRole: action(name: "iam:PassRole") {
                all: grantedBy(first: 10) { edges { unrestricted limitedBy node { name } } }
                yes: grantedBy(unrestricted: true) { totalCount }
                no: grantedBy(unrestricted: false) { nodes { name } } }
              variant: action(name: "S3:getobject") { grantedBy(unrestricted: true) { edges { via possiblyDenied node { name } } } } }
            """);
        Assert.Equal(["s3:GetObject", "s3:PutObject"], data.At("writer", "yes").Names());
        Assert.Equal(["iam:PassRole", "s3:ListBucket"], data.At("writer", "no").Names());
        Assert.Equal((0, 0, 3), (data.At("docsOnly", "yes", "totalCount").GetInt32(), data.At("docsOnly", "no", "totalCount").GetInt32(), data.At("docsOnly", "all", "totalCount").GetInt32()));

        Assert.Equal(
            [("DocsOnly", (bool?)null, ""), ("PowerUser", false, "NOT_RESOURCE"), ("Writer", false, "CONDITION")],
            data.At("passRole", "all", "edges").EnumerateArray().Select(e => (e.At("node", "name").GetString(), Flag(e.At("unrestricted")), Joined(e.At("limitedBy")))));
        Assert.Equal(0, data.At("passRole", "yes", "totalCount").GetInt32());
        Assert.Equal(["PowerUser", "Writer"], data.At("passRole", "no").Names());

        // Answered for the canonical variant; the conditional Deny leaves Writer's grant but marks it.
        Assert.Equal(
            [("PowerUser", "NotAction#0", false), ("Writer", "S3:getobject", true)],
            data.At("variant", "grantedBy", "edges").EnumerateArray().Select(e => (e.At("node", "name").GetString(), Joined(e.At("via")), e.At("possiblyDenied").GetBoolean())));
    }

    [EngineFact]
    public async Task Policies_granting_say_how_over_the_requested_actions()
    {
        var data = await api.DataAsync("""
            fragment how on PolicyGrantConnection { totalCount edges { via unrestricted limitedBy possiblyDenied node { name } } }
            { all: policiesGranting(actions: ["s3:GetObject", "IAM:PASSROLE"]) { ...how }
              allUnrestricted: policiesGranting(actions: ["s3:GetObject", "iam:PassRole"], unrestricted: true) { ...how }
              anyUnrestricted: policiesGranting(actions: ["s3:GetObject", "iam:PassRole"], match: ANY, unrestricted: true) { ...how }
              anyLimited: policiesGranting(actions: ["s3:GetObject", "iam:PassRole"], match: ANY, unrestricted: false) { ...how }
              nodesOnly: policiesGranting(actions: ["iam:PassRole"]) { nodes { name } }
              denied: policiesGranting(actions: ["s3:PutObjectAcl"]) { nodes { name } } }
            """);
        Assert.Equal(
            [
                ("PowerUser", "NotAction#0,iam:PassRole", (bool?)false, "NOT_RESOURCE", false),
                ("Writer", "S3:getobject,iam:PassRole", false, "CONDITION", true),
            ],
            How(data.At("all")));
        Assert.Equal(0, data.At("allUnrestricted", "totalCount").GetInt32());
        Assert.Equal(
            [("PowerUser", "NotAction#0", (bool?)true, "", false), ("Writer", "S3:getobject", true, "", true)],
            How(data.At("anyUnrestricted")));
        Assert.Equal(
            [("PowerUser", "iam:PassRole", (bool?)false, "NOT_RESOURCE", false), ("Writer", "iam:PassRole", false, "CONDITION", false)],
            How(data.At("anyLimited")));
        Assert.Equal(["DocsOnly", "PowerUser", "Writer"], data.At("nodesOnly").Names());
        // Writer's unconditional Deny removes s3:PutObjectAcl; DenyAll grants nothing.
        Assert.Equal(["PowerUser"], data.At("denied").Names());
    }

    [EngineFact]
    public async Task The_analytics_follow_the_documents_grants()
    {
        var data = await api.DataAsync("""
            { compare: comparePolicies(a: "Writer", b: "DenyAll") { commonCount onlyInACount onlyInBCount }
              common: commonActions(policies: ["Writer", "PowerUser"]) { nodes { name } }
              least: leastPrivilege(actions: ["iam:PassRole"]) { singlePolicies { policy { name } extraActionCount } ungranted }
              tagging: leastPrivilege(actions: ["s3:TagResource"]) { singlePolicies { policy { name defaultVersion { versionId } } } }
              passRole: action(name: "iam:PassRole") { grantedBy(unrestricted: true) { totalCount } } }
            """);
        Assert.Equal((0, 4, 0), (data.At("compare", "commonCount").GetInt32(), data.At("compare", "onlyInACount").GetInt32(), data.At("compare", "onlyInBCount").GetInt32()));
        Assert.Equal(["iam:PassRole", "s3:GetObject", "s3:ListBucket"], data.At("common").Names());
        Assert.Equal(
            [("DocsOnly", 2), ("Writer", 3), ("PowerUser", 7)],
            data.At("least", "singlePolicies").EnumerateArray().Select(c => (c.At("policy", "name").GetString(), c.At("extraActionCount").GetInt32())));
        Assert.Equal(["PowerUser"], data.At("tagging", "singlePolicies").EnumerateArray().Select(c => c.At("policy", "name").GetString()));
        Assert.Equal("v1", data.At("tagging", "singlePolicies")[0].At("policy", "defaultVersion", "versionId").GetString());
        Assert.Equal(0, data.At("passRole", "grantedBy", "totalCount").GetInt32());
    }

    [EngineFact]
    public async Task Access_summary_counts_effective_actions_per_service_and_level()
    {
        var data = await api.DataAsync("""
            { policies(first: 10, order: { name: ASC }) { nodes { name accessSummary { service { name } actionCount unrestrictedCount levels { level actionCount unrestrictedCount } } } }
              iamOnly: policy(name: "PowerUser") { accessSummary(service: "IAM") { service { name } actionCount unrestrictedCount levels { level actionCount unrestrictedCount } } } }
            """);
        var summaries = data.At("policies", "nodes").EnumerateArray().ToDictionary(p => p.At("name").GetString()!, p => Summary(p.At("accessSummary")));

        Assert.Equal(["iam 3/0: READ 1/0, WRITE 1/0, PERMISSIONS_MANAGEMENT 1/0"], summaries["DocsOnly"]);
        Assert.Equal(
            ["iam 2/1: READ 1/1, WRITE 1/0", "s3 6/6: LIST 1/1, READ 1/1, WRITE 2/2, TAGGING 1/1, PERMISSIONS_MANAGEMENT 1/1"],
            summaries["PowerUser"]);
        Assert.Equal(["iam 1/0: WRITE 1/0", "s3 3/2: LIST 1/0, READ 1/1, WRITE 1/1"], summaries["Writer"]);
        Assert.Empty(summaries["DenyAll"]);
        // One service, named ignoring case.
        Assert.Equal(["iam 2/1: READ 1/1, WRITE 1/0"], Summary(data.At("iamOnly", "accessSummary")));
    }

    [EngineFact]
    public async Task Policies_granting_an_access_level_answer_in_one_query()
    {
        var data = await api.DataAsync("""
            { pm: policiesGrantingAccess(level: PERMISSIONS_MANAGEMENT) { nodes { name } }
              pmIam: policiesGrantingAccess(level: PERMISSIONS_MANAGEMENT, service: "IAM") { nodes { name } }
              pmIamUnrestricted: policiesGrantingAccess(level: PERMISSIONS_MANAGEMENT, service: "iam", unrestricted: true) { totalCount }
              pmS3Unrestricted: policiesGrantingAccess(level: PERMISSIONS_MANAGEMENT, service: "s3", unrestricted: true) { nodes { name } }
              writeIamLimited: policiesGrantingAccess(level: WRITE, service: "iam", unrestricted: false, where: { name: { neq: "Writer" } }) { nodes { name } }
              tagging: policiesGrantingAccess(level: TAGGING, order: { name: DESC }) { nodes { name } } }
            """);
        Assert.Equal(["DocsOnly", "PowerUser"], data.At("pm").Names());
        Assert.Equal(["DocsOnly"], data.At("pmIam").Names());
        Assert.Equal(0, data.At("pmIamUnrestricted", "totalCount").GetInt32());
        Assert.Equal(["PowerUser"], data.At("pmS3Unrestricted").Names());
        Assert.Equal(["PowerUser"], data.At("writeIamLimited").Names());
        Assert.Equal(["PowerUser"], data.At("tagging").Names());
    }

    [EngineFact]
    public async Task Actions_carry_their_resource_types_condition_keys_and_dependent_actions()
    {
        var data = await api.DataAsync("""
            fragment catalogue on Action { name resourceTypes { name arnFormat required conditionKeys } conditionKeys { name description type } dependentActions { name } }
            { getObject: action(name: "s3:GetObject") { ...catalogue }
              variant: action(name: "S3:getobject") { ...catalogue }
              putObject: action(name: "s3:PutObject") { ...catalogue }
              listBucket: action(name: "s3:ListBucket") { ...catalogue }
              deleteObject: action(name: "s3:DeleteObject") { ...catalogue } }
            """);
        var getObject = data.At("getObject");
        Assert.Equal(
            [("object", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", true, "s3:ExistingObjectTag/${TagKey}")],
            getObject.At("resourceTypes").EnumerateArray().Select(t => (t.At("name").GetString(), t.At("arnFormat").GetString(), t.At("required").GetBoolean(), Joined(t.At("conditionKeys")))));
        Assert.Equal(
            [("s3:ResourceAccount", "Filters access by the resource owner's account ID", "String")],
            getObject.At("conditionKeys").EnumerateArray().Select(k => (k.At("name").GetString(), k.At("description").GetString(), k.At("type").GetString())));
        Assert.Equal(0, getObject.At("dependentActions").GetArrayLength());
        // A case variant answers for its canonical action.
        Assert.Equal(getObject.At("resourceTypes").ToString(), data.At("variant", "resourceTypes").ToString());
        Assert.Equal(getObject.At("conditionKeys").ToString(), data.At("variant", "conditionKeys").ToString());

        Assert.Equal(["s3:PutObjectAcl"], data.At("putObject", "dependentActions").EnumerateArray().Select(a => a.At("name").GetString()));
        Assert.False(data.At("listBucket", "resourceTypes")[0].At("required").GetBoolean());
        Assert.Equal("arn:${Partition}:s3:::${BucketName}", data.At("listBucket", "resourceTypes")[0].At("arnFormat").GetString());
        var deleteObject = data.At("deleteObject");
        Assert.Equal((0, 0, 0), (deleteObject.At("resourceTypes").GetArrayLength(), deleteObject.At("conditionKeys").GetArrayLength(), deleteObject.At("dependentActions").GetArrayLength()));
    }

    [EngineFact]
    public async Task A_policy_version_is_a_node()
    {
        var data = await api.DataAsync("""{ policy(name: "Writer") { versions(first: 1) { nodes { id versionId } } } }""");
        var id = data.At("policy", "versions", "nodes")[0].At("id").GetString();
        var node = await api.DataAsync($$"""{ node(id: "{{id}}") { id ... on PolicyVersion { versionId isDefault policy { name } } } }""");
        Assert.Equal(id, node.At("node", "id").GetString());
        Assert.Equal(("v10", true, "Writer"), (node.At("node", "versionId").GetString(), node.At("node", "isDefault").GetBoolean(), node.At("node", "policy", "name").GetString()));
    }

    private static string[] Strings(JsonElement list) => [.. list.EnumerateArray().Select(s => s.GetString()!)];

    private static string Joined(JsonElement list) => string.Join(",", Strings(list));

    private static bool? Flag(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetBoolean();

    private static (string?, string, bool?, string, bool)[] Grants(JsonElement connection) =>
        [.. connection.At("edges").EnumerateArray().Select(e => (e.At("node", "name").GetString(), Joined(e.At("via")), Flag(e.At("unrestricted")), Joined(e.At("limitedBy")), e.At("possiblyDenied").GetBoolean()))];

    private static (string?, string, bool?, string, bool)[] How(JsonElement connection) => Grants(connection);

    private static string[] Summary(JsonElement summary) =>
        [.. summary.EnumerateArray().Select(s => $"{s.At("service", "name").GetString()} {s.At("actionCount").GetInt32()}/{s.At("unrestrictedCount").GetInt32()}: "
            + string.Join(", ", s.At("levels").EnumerateArray().Select(l => $"{l.At("level").GetString()} {l.At("actionCount").GetInt32()}/{l.At("unrestrictedCount").GetInt32()}")))];
}

[Collection(SqliteVersionsCollection.Name)]
public sealed class SqliteVersionsTests(SqliteVersionsFixture api) : VersionsTests(api);

[Collection(PostgresVersionsCollection.Name)]
public sealed class PostgresVersionsTests(PostgresVersionsFixture api) : VersionsTests(api), IPostgresTests;
