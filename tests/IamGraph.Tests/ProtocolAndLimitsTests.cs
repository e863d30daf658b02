using System.Text;
using System.Text.Json;
using IamGraph.Testing;
using IamGraph.Testing.Browser;

namespace IamGraph.Tests;

/// <summary>The real schema behind the real endpoint: the spec audit, the IDE, and hostile queries rejected before they run.</summary>
public sealed class ProtocolAndLimitsTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private readonly RunningServer _server = fixture.Server;

    [AuditFact]
    public async Task Graphql_http_audit_reports_every_audit_ok_against_the_IamGraph_schema()
    {
        var (exitCode, output) = await GraphQLHttpAudit.RunAsync(_server.GraphQLEndpoint);

        Assert.True(exitCode == 0, output);
        Assert.Contains("61 ok of 61", output);
    }

    [BrowserFact]
    public async Task Banana_Cake_Pop_loads_the_schema_and_shows_a_real_policy()
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var loads = 0;
        page.Load += (_, _) => loads++;
        var ide = new BananaCakePopPage(page);

        await ide.OpenAsync(_server.GraphQLEndpoint);
        var response = await ide.RunAsync("query Deny { policy(name: \"AWSDenyAll\") { name arn actions { nodes { name } } } }");
        // A first-time visitor's page must not reload under them (the IDE's service worker would make it).
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Contains("arn:aws:iam::aws:policy/AWSDenyAll", response);
        Assert.Empty(chromium.ExternalRequests);
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task The_issue_queries_run_within_the_limits()
    {
        var q1 = await _server.QueryAsync("{ policies(first: 50) { nodes { name arn actions(first: 1000) { nodes { name service { name } } } } } }");
        var q3 = await _server.QueryAsync("{ service(name: \"ecr\") { actions(first: 1000) { nodes { name } } policies(first: 1000) { nodes { name } } } }");

        Assert.False(q1.TryGetProperty("errors", out var e1), e1.ToString());
        // The sample's six policies and its example account's 37 (AmazonS3ReadOnlyAccess in both).
        Assert.Equal(43, q1.GetProperty("data").GetProperty("policies").GetProperty("nodes").GetArrayLength());
        Assert.False(q3.TryGetProperty("errors", out var e3), e3.ToString());
    }

    [Theory]
    [InlineData("{ policies(first: 1000000) { nodes { name } } }", "PAGE_SIZE_EXCEEDED")]
    [InlineData("{ policies(first: 5000) { nodes { actions(first: 5000) { nodes { policies(first: 5000) { nodes { name } } } } } } }", "COMPLEXITY")]
    [InlineData("fragment A on Query { ...B } fragment B on Query { ...A } { ...A }", "NO_FRAGMENT_CYCLES")]
    public async Task Hostile_queries_are_rejected_with_a_code_before_they_run(string query, string code) =>
        Assert.Contains(code, ErrorCodes(await _server.QueryAsync(query)));

    [Fact]
    public async Task A_depth_40_query_is_rejected()
    {
        var nested = new StringBuilder("{ policies { nodes { ");
        for (var i = 0; i < 19; i++)
        {
            nested.Append(i % 2 == 0 ? "actions { nodes { " : "policies { nodes { ");
        }
        nested.Append("name").Append(new string('}', 41));

        var body = await _server.QueryAsync(nested.ToString());

        Assert.Contains("COMPLEXITY", ErrorCodes(body));
        Assert.Contains("nested", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_5000_alias_query_and_a_1_MB_document_are_rejected()
    {
        var aliases = "{ " + string.Join(" ", Enumerable.Range(0, 5000).Select(i => $"a{i}: stats__typename: __typename")) + " }";
        var huge = "{ policies { nodes { name } } }" + new string(' ', 1024 * 1024) + "#";

        Assert.Contains("MAX_ALIASES", ErrorCodes(await _server.QueryAsync(aliases.Replace("stats__typename: ", "", StringComparison.Ordinal))));
        Assert.Contains("DOCUMENT_TOO_LARGE", ErrorCodes(await _server.QueryAsync(huge)));
    }

    /// <summary>Every error's code; empty when the query ran (so a passing query fails these tests).</summary>
    private static string?[] ErrorCodes(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) && !body.TryGetProperty("data", out _)
            ? [.. errors.EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString())]
            : [];
}
