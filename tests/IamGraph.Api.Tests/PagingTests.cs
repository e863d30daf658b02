using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

public abstract class PagingTests(ApiFixture api)
{
    private const string Selection = "nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

    [EngineFact]
    public async Task Pages_forward_with_after()
    {
        var first = (await api.DataAsync($"{{ services(first: 2) {{ {Selection} }} }}")).At("services");
        Assert.Equal(["S3", "all"], first.Names());
        Assert.True(first.At("pageInfo", "hasNextPage").GetBoolean());
        Assert.False(first.At("pageInfo", "hasPreviousPage").GetBoolean());
        Assert.Equal("MA==", first.At("pageInfo", "startCursor").GetString());
        var end = first.At("pageInfo", "endCursor").GetString();
        Assert.Equal("MQ==", end);

        var second = (await api.DataAsync($"{{ services(first: 2, after: \"{end}\") {{ {Selection} }} }}")).At("services");
        Assert.Equal(["ec2", "ecr"], second.Names());
        Assert.True(second.At("pageInfo", "hasNextPage").GetBoolean());
        Assert.True(second.At("pageInfo", "hasPreviousPage").GetBoolean());

        var third = (await api.DataAsync($"{{ services(first: 2, after: \"{second.At("pageInfo", "endCursor").GetString()}\") {{ {Selection} }} }}")).At("services");
        Assert.Equal(["iam", "s3"], third.Names());
        Assert.False(third.At("pageInfo", "hasNextPage").GetBoolean());
        Assert.True(third.At("pageInfo", "hasPreviousPage").GetBoolean());
    }

    [EngineFact]
    public async Task Pages_backward_with_last_and_before()
    {
        var last = (await api.DataAsync($"{{ services(last: 2) {{ {Selection} }} }}")).At("services");
        Assert.Equal(["iam", "s3"], last.Names());
        Assert.False(last.At("pageInfo", "hasNextPage").GetBoolean());
        Assert.True(last.At("pageInfo", "hasPreviousPage").GetBoolean());
        Assert.Equal("NA==", last.At("pageInfo", "startCursor").GetString());

        var before = (await api.DataAsync($"{{ services(last: 2, before: \"NA==\") {{ {Selection} }} }}")).At("services");
        Assert.Equal(["ec2", "ecr"], before.Names());
        Assert.True(before.At("pageInfo", "hasNextPage").GetBoolean());
        Assert.True(before.At("pageInfo", "hasPreviousPage").GetBoolean());

        var start = (await api.DataAsync($"{{ services(last: 5, before: \"MQ==\") {{ {Selection} }} }}")).At("services");
        Assert.Equal(["S3"], start.Names());
        Assert.False(start.At("pageInfo", "hasPreviousPage").GetBoolean());
    }

    [EngineFact]
    public async Task A_page_past_the_end_is_empty()
    {
        var page = (await api.DataAsync($"{{ services(first: 2, after: \"NQ==\") {{ {Selection} }} }}")).At("services");
        Assert.Empty(page.Names());
        Assert.False(page.At("pageInfo", "hasNextPage").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.At("pageInfo", "startCursor").ValueKind);
    }

    [EngineFact]
    public async Task Total_count_counts_the_filtered_set_not_the_page()
    {
        var data = await api.DataAsync("""
            {
              all: services(first: 1) { totalCount }
              e: services(first: 1, where: { name: { startsWith: "e" } }) { totalCount nodes { name } }
              actions { totalCount }
            }
            """);
        Assert.Equal(6, data.At("all", "totalCount").GetInt32());
        Assert.Equal(2, data.At("e", "totalCount").GetInt32());
        Assert.Equal(["ec2"], data.At("e").Names());
        Assert.Equal(8, data.At("actions", "totalCount").GetInt32());
    }

    [EngineFact]
    public async Task Total_count_runs_only_when_selected()
    {
        var statements = api.Statements.Start();
        await api.DataAsync("{ services(first: 2) { nodes { name } } }");
        Assert.Single(statements);
        Assert.DoesNotContain(statements, s => s.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));

        statements = api.Statements.Start();
        await api.DataAsync("{ services(first: 2) { totalCount nodes { name } } }");
        Assert.Equal(2, statements.Count);
        Assert.Single(statements, s => s.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
    }

    [EngineFact]
    public async Task An_invalid_cursor_is_a_clear_error()
    {
        var response = await api.ExecuteAsync("""{ services(first: 2, after: "not a cursor!") { nodes { name } } }""");
        var error = response.At("errors")[0];
        Assert.Equal("INVALID_CURSOR", error.At("extensions", "code").GetString());
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqlitePagingTests(SqliteCatalogFixture api) : PagingTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresPagingTests(PostgresCatalogFixture api) : PagingTests(api), IPostgresTests;
