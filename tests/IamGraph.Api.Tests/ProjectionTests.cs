using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>Statements read only the columns the query selects (and the keys loaders need), through fragments too.</summary>
public abstract class ProjectionTests(ApiFixture api)
{
    [EngineFact]
    public async Task A_nested_connection_reads_only_the_selected_columns()
    {
        var statements = api.Statements.Start();
        await api.DataAsync("{ policies(first: 50) { nodes { name actions(first: 1000) { nodes { name } } } } }");

        // Quotes removed: SQLite quotes every identifier, Npgsql only where needed.
        var actions = Assert.Single(statements, s => s.Contains("policy_actions", StringComparison.Ordinal)).Replace("\"", "", StringComparison.Ordinal);
        Assert.Contains("a.name", actions);
        Assert.DoesNotContain("policy_count", actions);
        Assert.DoesNotContain("services", actions);
        var policies = Assert.Single(statements, s => !s.Contains("policy_actions", StringComparison.Ordinal));
        Assert.DoesNotContain("arn", policies);
    }

    [EngineFact]
    public async Task Selecting_the_service_joins_it_with_only_its_selected_columns()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("{ policies(first: 50) { nodes { actions(first: 1000) { nodes { name service { name } } } } } }");

        var actions = Assert.Single(statements, s => s.Contains("policy_actions", StringComparison.Ordinal));
        Assert.Contains("services", actions);
        Assert.DoesNotContain("action_count", actions);
        Assert.Equal("ecr", data.At("policies", "nodes")[0].At("actions", "nodes")[0].At("service", "name").GetString());
    }

    [EngineFact]
    public async Task Fields_selected_through_fragments_and_edges_are_loaded()
    {
        var narrow = await api.DataAsync("""
            { policies(first: 50) { nodes { ...P } } }
            fragment P on Policy { name actions { edges { node { ... on Action { name policyCount } } } } }
            """);
        var plain = await api.DataAsync("{ policies(first: 50) { nodes { name actions { edges { node { name policyCount } } } } } }");

        Assert.Equal(plain.ToString(), narrow.ToString());
        var counts = narrow.At("policies", "nodes")[0].At("actions", "edges").EnumerateArray().Select(e => e.At("node", "policyCount").GetInt32());
        Assert.All(counts, c => Assert.True(c > 0));
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteProjectionTests(SqliteCatalogFixture api) : ProjectionTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresProjectionTests(PostgresCatalogFixture api) : ProjectionTests(api), IPostgresTests;
