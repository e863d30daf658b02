using System.Text.Json;

using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>
/// <c>canonical</c> answers with the whole canonical row, however narrow the row of the node asking is: a connection reads only
/// the columns its own selection names, so a node that is its own canonical variant must not hand that row on.
/// Each query selects the canonical's fields under <c>canonical</c> only, never on the node itself, which would widen the node's row.
/// </summary>
public abstract class CanonicalTests(ApiFixture api)
{
    [EngineFact]
    public async Task A_pattern_that_is_its_own_canonical_answers_with_its_own_values()
    {
        var data = await api.DataAsync("""
            { c: actions(where: { name: { eq: "s3:*" } }) { nodes { canonical { isWildcard matchCount policyCount } } }
              n: actions(where: { name: { eq: "s3:*" } }) { nodes { isWildcard matchCount policyCount } } }
            """);
        var canonical = data.At("c", "nodes")[0].At("canonical");
        Assert.Equal((true, 3, 1), Values(canonical));
        Assert.Equal(Values(data.At("n", "nodes")[0]), Values(canonical));
    }

    [EngineFact]
    public async Task A_service_that_is_its_own_canonical_answers_with_its_own_counts()
    {
        var data = await api.DataAsync("""
            { c: services(where: { name: { eq: "s3" } }) { nodes { canonical { policyCount } } }
              n: services(where: { name: { eq: "s3" } }) { nodes { policyCount } } }
            """);
        Assert.Equal(7, data.At("n", "nodes")[0].At("policyCount").GetInt32());
        Assert.Equal(7, data.At("c", "nodes")[0].At("canonical", "policyCount").GetInt32());
    }

    [EngineFact]
    public async Task Canonical_name_is_never_null()
    {
        var data = await api.DataAsync("{ actions(first: 1) { nodes { canonical { name } } } }");
        Assert.Equal("*", data.At("actions", "nodes")[0].At("canonical", "name").GetString());
    }

    [EngineFact]
    public async Task Nested_connection_nodes_answer_with_their_canonical_values()
    {
        var data = await api.DataAsync("""
            { c: policy(name: "S3Admin") { actions { nodes { canonical { isWildcard matchCount policyCount } } } }
              n: policy(name: "S3Admin") { actions { nodes { isWildcard matchCount policyCount } } } }
            """);
        var canonicals = data.At("c", "actions", "nodes").EnumerateArray().Select(a => Values(a.At("canonical"))).ToArray();
        Assert.Equal([(true, 3, 1), (true, 1, 2)], canonicals);
        Assert.Equal(data.At("n", "actions", "nodes").EnumerateArray().Select(Values), canonicals);
    }

    [EngineFact]
    public async Task The_service_joined_into_an_action_row_answers_with_its_canonical_values()
    {
        var data = await api.DataAsync("""{ actions(where: { name: { eq: "s3:*" } }) { nodes { service { canonical { name policyCount } } } } }""");
        var canonical = data.At("actions", "nodes")[0].At("service", "canonical");
        Assert.Equal(("s3", 7), (canonical.At("name").GetString(), canonical.At("policyCount").GetInt32()));
    }

    [EngineFact]
    public async Task Variants_answer_with_their_canonical_values()
    {
        var data = await api.DataAsync("""{ action(name: "S3:getobject") { variants { name canonical { name policyCount } } } }""");
        var variants = data.At("action", "variants").EnumerateArray()
            .Select(v => (v.At("name").GetString(), v.At("canonical", "name").GetString(), v.At("canonical", "policyCount").GetInt32()));
        Assert.Equal([("S3:getobject", "s3:GetObject", 2), ("s3:GetObject", "s3:GetObject", 2)], variants);
    }

    [EngineFact]
    public async Task Canonical_is_one_statement_per_level()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("{ actions(first: 50) { nodes { name canonical { name } } } }");
        Assert.Equal(2, statements.Count);
        Assert.Contains(data.At("actions", "nodes").EnumerateArray(), a => a.At("name").GetString() == "S3:getobject" && a.At("canonical", "name").GetString() == "s3:GetObject");
    }

    private static (bool, int, int) Values(JsonElement action) =>
        (action.At("isWildcard").GetBoolean(), action.At("matchCount").GetInt32(), action.At("policyCount").GetInt32());
}

[Collection(SqliteGrantsCollection.Name)]
public sealed class SqliteCanonicalTests(SqliteGrantsFixture api) : CanonicalTests(api);

[Collection(PostgresGrantsCollection.Name)]
public sealed class PostgresCanonicalTests(PostgresGrantsFixture api) : CanonicalTests(api), IPostgresTests;
