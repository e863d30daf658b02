using GraphQL;

using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

public abstract class PageSizeTests(ApiFixture api)
{
    [EngineTheory]
    [InlineData("{ policies(first: 1000000) { nodes { name } } }")]
    [InlineData("{ services(last: 1001) { nodes { name } } }")]
    [InlineData("""{ policy(name: "AWSLambdaRole") { actions(first: 1001) { nodes { name } } } }""")]
    public async Task Oversized_pages_are_rejected_before_any_sql(string query)
    {
        var statements = api.Statements.Start();
        var response = await api.ExecuteAsync(query);
        var error = response.At("errors")[0];
        Assert.Equal("PAGE_SIZE_EXCEEDED", error.At("extensions", "code").GetString());
        Assert.Contains("maximum page size of 1000", error.At("message").GetString(), StringComparison.Ordinal);
        Assert.False(response.TryGetProperty("data", out _));
        Assert.Empty(statements);
    }

    [EngineFact]
    public async Task Oversized_pages_given_as_variables_are_rejected_too()
    {
        var statements = api.Statements.Start();
        var response = await api.ExecuteAsync("query($n: Int) { services(first: $n) { nodes { name } } }",
            new Inputs(new Dictionary<string, object?> { ["n"] = 5000 }));
        Assert.Equal("PAGE_SIZE_EXCEEDED", response.At("errors")[0].At("extensions", "code").GetString());
        Assert.Empty(statements);
    }

    [EngineFact]
    public async Task Negative_page_sizes_are_rejected()
    {
        var response = await api.ExecuteAsync("{ services(first: -1) { nodes { name } } }");
        Assert.Equal("INVALID_PAGE_SIZE", response.At("errors")[0].At("extensions", "code").GetString());
    }

    [EngineFact]
    public async Task The_maximum_page_size_itself_is_allowed()
    {
        var data = await api.DataAsync("{ policies(first: 1000) { nodes { name } } }");
        Assert.Equal(6, data.At("policies").Names().Length);
    }

    [EngineFact]
    public void Defaults_are_50_per_page_and_5000_at_most()
    {
        var options = new ApiOptions();
        Assert.Equal(50, options.DefaultPageSize);
        Assert.Equal(5000, options.MaxPageSize);
        Assert.True(options.MaxPageSize >= 3442, "one page must hold the largest policy (3,442 actions)");
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqlitePageSizeTests(SqliteCatalogFixture api) : PageSizeTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresPageSizeTests(PostgresCatalogFixture api) : PageSizeTests(api), IPostgresTests;
