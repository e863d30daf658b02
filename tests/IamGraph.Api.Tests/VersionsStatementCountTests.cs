using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>Issue 9's fields read one statement per field and level, never one per row (no N+1), over <see cref="VersionsFixture"/>.</summary>
public abstract class VersionsStatementCountTests(VersionsFixture api)
{
    [EngineFact]
    public async Task Versions_statements_and_changes_of_every_policy()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("""
            { policies(first: 10) { nodes { name defaultVersion { versionId } versions(first: 10) { nodes { versionId addedActions removedActions statements { sid effect actions notActions resources } } } } } }
            """);
        // policies; default versions; versions; their statements; the statements' strings; the versions' changes.
        Assert.Equal(6, statements.Count);
        Assert.Equal(4, data.At("policies", "nodes").GetArrayLength());
        Assert.Equal(5, data.At("policies", "nodes").EnumerateArray().Sum(p => p.At("versions", "nodes").GetArrayLength()));
    }

    [EngineFact]
    public async Task Grant_edges_access_summaries_and_the_catalogues_relations()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("""
            { policies(first: 10) { nodes { name
                accessSummary { service { name } levels { level actionCount } }
                effectiveActions(first: 20, unrestricted: true) { edges { via unrestricted limitedBy node { name resourceTypes { name } conditionKeys { name } dependentActions { name } } } } } } }
            """);
        // policies; access summaries; their services by id; effective actions; resource types; condition keys; dependent actions.
        Assert.Equal(7, statements.Count);
        Assert.Equal(9, data.At("policies", "nodes").EnumerateArray().Sum(p => p.At("effectiveActions", "edges").GetArrayLength()));
    }

    [EngineFact]
    public async Task Granting_policies_with_their_edges()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("""
            { policiesGranting(actions: ["iam:PassRole"], first: 10) { edges { via unrestricted node { name versions { nodes { versionId } } } } } }
            """);
        // the requested actions; the policies; how they grant; their versions.
        Assert.Equal(4, statements.Count);
        Assert.Equal(3, data.At("policiesGranting", "edges").GetArrayLength());
    }
}

[Collection(SqliteVersionsCollection.Name)]
public sealed class SqliteVersionsStatementCountTests(SqliteVersionsFixture api) : VersionsStatementCountTests(api);

[Collection(PostgresVersionsCollection.Name)]
public sealed class PostgresVersionsStatementCountTests(PostgresVersionsFixture api) : VersionsStatementCountTests(api), IPostgresTests;
