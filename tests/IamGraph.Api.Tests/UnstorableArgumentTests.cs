using System.Text.Json;

using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>
/// Lookup and analyzer arguments no stored value can hold (NUL, which PostgreSQL text cannot contain; unpaired
/// surrogates, which UTF-8 cannot encode) find nothing on both engines, as filters do (issue 14, defect 6's class),
/// instead of an unhandled PostgreSQL error.
/// </summary>
public abstract class UnstorableArgumentTests(ApiFixture api)
{
    [EngineTheory]
    [InlineData("""{ x: policy(name: "S3Reader\u0000") { name } }""")]
    [InlineData("""{ x: policy(arn: "arn:aws:iam::aws:policy/S3Reader\u0000") { name } }""")]
    [InlineData("""{ x: policy(name: "S3Reader", arn: "\uD800") { name } }""")]
    [InlineData("""{ x: policy(name: "s3reader\uDC00", ignoreCase: true) { name } }""")]
    [InlineData("""{ x: role(name: "Builder\u0000") { name } }""")]
    [InlineData("""{ x: action(name: "s3:GetObject\u0000") { name } }""")]
    [InlineData("""{ x: action(name: "S3:GETOBJECT\u0000", ignoreCase: true) { name } }""")]
    [InlineData("""{ x: action(name: "s3:Get*\uD800") { name } }""")]
    [InlineData("""{ x: service(name: "s3\u0000") { name } }""")]
    [InlineData("""{ x: service(name: "S3\u0000", ignoreCase: true) { name } }""")]
    public async Task Lookups_find_nothing(string query) =>
        Assert.Equal(JsonValueKind.Null, (await api.DataAsync(query)).At("x").ValueKind);

    [EngineFact]
    public async Task Requested_actions_cover_nothing()
    {
        Assert.Equal(0, (await api.DataAsync("""{ policiesGranting(actions: ["s3:GetObject\u0000"]) { totalCount } }""")).At("policiesGranting", "totalCount").GetInt32());
        Assert.Equal(0, (await api.DataAsync("""{ policiesGranting(actions: ["s3:Get*\u0000"]) { totalCount } }""")).At("policiesGranting", "totalCount").GetInt32());
        Assert.Equal(0, (await api.DataAsync("""{ policiesGranting(actions: ["s\u0000:Get*"]) { totalCount } }""")).At("policiesGranting", "totalCount").GetInt32());
        Assert.Equal(0, (await api.DataAsync("""{ policiesGranting(actions: ["\uD800"]) { totalCount } }""")).At("policiesGranting", "totalCount").GetInt32());
        Assert.Equal(8, (await api.DataAsync("""{ policiesGranting(actions: ["s3:GetObject", "s3:GetObject\u0000"], match: ANY) { totalCount } }""")).At("policiesGranting", "totalCount").GetInt32());
        var ungranted = (await api.DataAsync("""{ leastPrivilege(actions: ["s3:GetObject\u0000", "s3:GetObject"]) { ungranted } }""")).At("leastPrivilege", "ungranted");
        Assert.Equal(["s3:GetObject\0"], ungranted.EnumerateArray().Select(e => e.GetString()));
    }

    [EngineTheory]
    [InlineData("""{ commonActions(policies: ["S3Reader\u0000"]) { totalCount } }""", "UNKNOWN_POLICY")]
    [InlineData("""{ commonActions(roles: ["Builder\uD800"]) { totalCount } }""", "UNKNOWN_ROLE")]
    [InlineData("""{ comparePolicies(a: "S3Reader\u0000", b: "Admin") { commonCount } }""", "UNKNOWN_POLICY")]
    [InlineData("""{ leastPrivilege(actions: ["s3:GetObject"], exclude: ["Admin\u0000"]) { ungranted } }""", "UNKNOWN_POLICY")]
    public async Task Named_policies_and_roles_are_unknown(string query, string code)
    {
        var response = await api.ExecuteAsync(query);
        Assert.Equal(code, response.At("errors")[0].At("extensions", "code").GetString());
    }
}

[Collection(SqliteGrantsCollection.Name)]
public sealed class SqliteUnstorableArgumentTests(SqliteGrantsFixture api) : UnstorableArgumentTests(api);

[Collection(PostgresGrantsCollection.Name)]
public sealed class PostgresUnstorableArgumentTests(PostgresGrantsFixture api) : UnstorableArgumentTests(api), IPostgresTests;
